import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";

/** The console's "verify the chain" button: the same walk as `npm run audit:verify`. */
export async function verifyAuditLog({ user }: { user: Pick<SessionUser, "role"> }) {
  assertPermission(user, "audit.read");
  return verifyAuditChain();
}
