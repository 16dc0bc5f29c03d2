import { AppError } from "@/lib/errors";
import { getSessionUser, type SessionUser } from "./get-session-user";
import type { Permission } from "./permissions";
import { deskUser, sessionAccess } from "./session-access";

/**
 * For route handlers and server actions: the caller, or UNAUTHENTICATED / FORBIDDEN. A console
 * permission (anything but "desk.use") also needs a second factor passed in this session; a staff
 * session without one is answered FORBIDDEN (secondFactorRequired) and acts on the desk as an applicant.
 */
export async function requireUser({ permission }: { permission?: Permission } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated");
  return authorizeSessionUser(user, { permission });
}

/** The check itself, for a user already resolved (tests, and callers that loaded the session). */
export function authorizeSessionUser(user: SessionUser, { permission }: { permission?: Permission } = {}): SessionUser {
  const access = sessionAccess(user, permission);
  if (access === "forbidden") throw new AppError("forbidden");
  if (access === "second_factor_required") throw new AppError("forbidden", { userMessage: "passkeys.errors.secondFactorRequired" });
  return deskUser(user);
}
