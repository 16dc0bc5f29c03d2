import { isIdentitySandbox } from "@/lib/identity/get-identity-provider";
import { loadVisibleCheck } from "./load-visible-check";
import { toIdentityCheckView, type IdentityCheckView } from "./identity-check-view";

/** A check as the desk shows it; NOT_FOUND for a check the caller may not see. */
export async function getIdentityCheck({ userId, checkId }: { userId: string; checkId: string }): Promise<IdentityCheckView & { sandboxBankUrl?: string }> {
  const row = await loadVisibleCheck({ userId, checkId });
  const view: IdentityCheckView & { sandboxBankUrl?: string } = toIdentityCheckView(row);
  // Only the applicant gets the face link: a reviewer must not be able to complete someone's check.
  if (row.userId !== userId && view.next?.kind === "face") delete view.next;
  if (row.userId === userId && view.next?.kind === "deposit_code" && isIdentitySandbox()) view.sandboxBankUrl = `/sandbox/bank/${row.id}`;
  return view;
}
