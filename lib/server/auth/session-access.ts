import type { SessionUser } from "./session-user";
import { hasPermission, type Permission } from "./permissions";

export type Access = "ok" | "forbidden" | "second_factor_required";

/** Staff (console roles) must pass a second factor in this session before any console permission. */
export function needsSecondFactor(user: Pick<SessionUser, "role" | "secondFactorAt">): boolean {
  return hasPermission(user.role, "console.access") && !user.secondFactorAt;
}

/**
 * The one access rule behind requireUser and requirePageUser. Every permission except "desk.use"
 * belongs to the console and needs a second factor in this session.
 */
export function sessionAccess(user: SessionUser, permission: Permission | undefined): Access {
  if (permission && !hasPermission(user.role, permission)) return "forbidden";
  if (permission && permission !== "desk.use" && !user.secondFactorAt) return "second_factor_required";
  return "ok";
}

/**
 * What the caller may do on the desk. A staff session that has not passed its second factor acts as
 * an applicant: domain functions that widen access by role (materials and identity checks of every
 * order for `orders.viewAll`) must not open to an SMS code alone.
 */
export function deskUser(user: SessionUser): SessionUser {
  return needsSecondFactor(user) ? { ...user, role: "APPLICANT" } : user;
}
