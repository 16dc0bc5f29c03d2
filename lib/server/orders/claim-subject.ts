import type { Tx } from "@/lib/db/client";
import { OPEN_STATUSES } from "./order-status-groups";
import { SubjectBusyError } from "./subject-busy-error";

/**
 * One unfinished order per subject (USCC or ID number). The advisory lock on the subject key
 * serialises two applications for the same subject (two tabs, two colleagues), so the check and
 * the write below cannot interleave; it is released when the caller's transaction ends.
 */
export async function claimSubject(
  tx: Tx,
  { orderId, userId, subjectKey, subjectName }: { orderId: string; userId: string; subjectKey: string; subjectName: string },
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`order-subject:${subjectKey}`}))`;
  const other = await tx.order.findFirst({
    where: { subjectKey, status: { in: [...OPEN_STATUSES] }, id: { not: orderId } },
    select: { id: true, no: true, status: true, userId: true },
  });
  if (other) throw new SubjectBusyError({ id: other.id, no: other.no, status: other.status, isMine: other.userId === userId });
  await tx.order.update({ where: { id: orderId }, data: { subjectKey, subjectName } });
}
