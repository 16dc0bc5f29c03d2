"use server";
import { requireUser } from "@/lib/server/auth/require-user";
import { runAction } from "@/lib/server/http/run-action";
import { verifyAuditLog } from "@/lib/server/admin/verify-audit-log";

export async function verifyAuditChainAction() {
  return runAction(async () => verifyAuditLog({ user: await requireUser({ permission: "audit.read" }) }));
}
