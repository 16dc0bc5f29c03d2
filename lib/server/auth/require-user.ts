import { AppError } from "@/lib/errors";
import { getSessionUser, type SessionUser } from "./get-session-user";
import { assertPermission, type Permission } from "./permissions";

/** For route handlers and server actions: the caller, or UNAUTHENTICATED / FORBIDDEN. */
export async function requireUser({ permission }: { permission?: Permission } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated");
  if (permission) assertPermission(user, permission);
  return user;
}
