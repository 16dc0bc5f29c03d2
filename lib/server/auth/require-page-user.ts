import { forbidden, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "./get-session-user";
import { hasPermission, type Permission } from "./permissions";

/** For pages: logged-out callers go to the login page and come back; others without the permission get 403. */
export async function requirePageUser({ permission, next }: { permission?: Permission; next?: string } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  if (permission && !hasPermission(user.role, permission)) forbidden();
  return user;
}
