import { hasOrgPermission } from "./org-permissions";
import { listOrgRequests } from "./list-org-requests";
import { listRequestablePlatforms } from "./list-requestable-platforms";

/** The requests page (desk and phone): the lists, and what the caller may ask for (the certificate request form). */
export async function loadRequestsPage({ userId, orgId }: { userId: string; orgId: string }) {
  const lists = await listOrgRequests({ userId, orgId });
  const canRequestCert = lists.role !== null && hasOrgPermission(lists.role, "certs.request");
  return { ...lists, canRequestCert, platforms: canRequestCert ? await listRequestablePlatforms() : [] };
}
