import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { sealForCaller } from "./seal-access";

/** 删除个人印章: the owner's own seal, whatever its status but DELETED; frees its place among the three. */
export async function deletePersonalSeal({ userId, sealId, ip }: { userId: string; sealId: string; ip?: string }) {
  return db.$transaction(async (tx) => {
    const seal = await sealForCaller(tx, { userId, sealId, orgPermission: "seals.manage" });
    if (seal.orgId) throw new AppError("forbidden", { userMessage: "seals.errors.orgSealNotDeletable" });
    const { count } = await tx.seal.updateMany({ where: { id: sealId, status: seal.status }, data: { status: "DELETED", deletedAt: new Date() } });
    if (count === 0) throw new AppError("conflict");
    await writeAudit(tx, { actorId: userId, ip, action: "seal.deleted", targetType: "Seal", targetId: sealId, data: { from: seal.status } });
    return { id: sealId, status: "DELETED" as const };
  });
}
