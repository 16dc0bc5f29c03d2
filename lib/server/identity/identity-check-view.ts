import type { CheckRole, CheckStatus, VerificationMethod } from "@/lib/generated/prisma/enums";
import { faceUrl } from "./face-link";

export const DEPOSIT_MAX_ATTEMPTS = 3;

export type IdentityNext = { kind: "deposit_code" } | { kind: "face"; faceUrl: string };

/** What the desk (and the wizard) sees of a check: status, masked evidence, the next step if any. */
export type IdentityCheckView = {
  checkId: string;
  orderId: string | null;
  method: VerificationMethod;
  role: CheckRole;
  status: CheckStatus;
  failReason?: string;
  subject: Record<string, string>;
  next?: IdentityNext;
  attemptsLeft?: number;
  expiresAt: string | null;
  completedAt: string | null;
};

type Row = {
  id: string;
  orderId: string | null;
  method: VerificationMethod;
  role: CheckRole;
  status: CheckStatus;
  failReason: string | null;
  subject: unknown;
  attempts: number;
  expiresAt: Date | null;
  completedAt: Date | null;
};

/** A PENDING check past its deadline reads as EXPIRED even before anything writes that down. */
export function effectiveStatus(row: Pick<Row, "status" | "expiresAt">, now = new Date()): CheckStatus {
  return row.status === "PENDING" && row.expiresAt && row.expiresAt <= now ? "EXPIRED" : row.status;
}

export function toIdentityCheckView(row: Row): IdentityCheckView {
  const status = effectiveStatus(row);
  const isDeposit = row.method === "CORP_DEPOSIT" || row.method === "PERSONAL_DEPOSIT";
  let next: IdentityNext | undefined;
  if (status === "PENDING") next = isDeposit ? { kind: "deposit_code" } : row.method === "FACE" ? { kind: "face", faceUrl: faceUrl(row.id) } : undefined;
  return {
    checkId: row.id,
    orderId: row.orderId,
    method: row.method,
    role: row.role,
    status,
    failReason: row.failReason ?? (status === "EXPIRED" ? "expired" : undefined),
    subject: (row.subject ?? {}) as Record<string, string>,
    next,
    attemptsLeft: isDeposit ? Math.max(0, DEPOSIT_MAX_ATTEMPTS - row.attempts) : undefined,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
