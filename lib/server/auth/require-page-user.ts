import { forbidden, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "./get-session-user";
import type { Permission } from "./permissions";
import { deskUser, sessionAccess } from "./session-access";

/**
 * For pages: logged-out callers go to the login page and come back; others without the permission
 * get 403; staff asking for a console page before passing a second factor in this session go to the
 * second-factor page (which enrols one when they have none) and come back.
 */
export async function requirePageUser({ permission, next }: { permission?: Permission; next?: string } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  const access = sessionAccess(user, permission);
  if (access === "forbidden") forbidden();
  if (access === "second_factor_required") redirect(`/login/second-factor?next=${encodeURIComponent(next ?? "/console")}`);
  return deskUser(user);
}
