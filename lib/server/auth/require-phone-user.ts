import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/server/auth/get-session-user";
import { hasPermission } from "@/lib/server/auth/permissions";

/**
 * For /m pages: the signed-in account, or the phone-styled login page (not the desk's), coming back
 * to `next` afterwards. Every role may use the phone app for its own certificates.
 */
export async function requirePhoneUser({ next }: { next: string }): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user || !hasPermission(user.role, "desk.use")) redirect(`/m/login?next=${encodeURIComponent(next)}`);
  return user;
}
