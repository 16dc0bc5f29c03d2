import { db } from "@/lib/db/client";

export type OpenStepCheck = { status: "PENDING" | "FAILED"; checkId?: string; failReason?: string };

/**
 * A step reopened mid-verification (the deposit code arrives the next day) shows its check again:
 * pending → the panel, failed → the reason and the ways on. Passed or none → null (just the form).
 */
export async function findOpenStepCheck({ orderId, checkId }: { orderId: string; checkId?: string }): Promise<OpenStepCheck | null> {
  if (!checkId) return null;
  const row = await db.identityCheck.findFirst({ where: { id: checkId, orderId }, select: { status: true, failReason: true, expiresAt: true } });
  if (!row) return null;
  if (row.status === "FAILED") return { status: "FAILED", checkId, failReason: row.failReason ?? undefined };
  if (row.status === "PENDING" && (!row.expiresAt || row.expiresAt > new Date())) return { status: "PENDING", checkId };
  return null;
}
