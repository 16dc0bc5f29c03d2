import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { sealForCaller } from "./seal-access";

/** 撤回审核: a seal in review goes back to nobody (CANCELLED); one conditional update. */
export async function cancelSeal({ userId, sealId, ip }: { userId: string; sealId: string; ip?: string }) {
  return db.$transaction(async (tx) => {
    await sealForCaller(tx, { userId, sealId, orgPermission: "seals.manage" });
    const { count } = await tx.seal.updateMany({ where: { id: sealId, status: "PENDING_REVIEW" }, data: { status: "CANCELLED" } });
    if (count === 0) throw new AppError("conflict", { userMessage: "seals.errors.notPending" });
    await writeAudit(tx, { actorId: userId, ip, action: "seal.cancelled", targetType: "Seal", targetId: sealId, data: { from: "PENDING_REVIEW" } });
    return { id: sealId, status: "CANCELLED" as const };
  });
}
