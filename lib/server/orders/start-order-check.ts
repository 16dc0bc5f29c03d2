import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import { startIdentityCheck, type StartIdentityCheckResult } from "@/lib/server/identity/start-identity-check";

export type CheckRoleName = "ENTERPRISE" | "LEGAL_REP" | "HANDLER" | "APPLICANT";

/** Starts one identity check for a wizard step through the identity domain (sandbox or a real provider). */
export function startOrderCheck({
  userId,
  orderId,
  method,
  role,
  subject,
}: {
  userId: string;
  orderId: string;
  method: VerificationMethod;
  role: CheckRoleName;
  subject: Record<string, string | undefined>;
}): Promise<StartIdentityCheckResult> {
  // The identity domain validates per method; fields this method does not use are left out.
  const defined = Object.fromEntries(Object.entries(subject).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  return startIdentityCheck({ userId, orderId, method, role, subject: defined });
}
