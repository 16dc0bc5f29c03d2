import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertPermission } from "@/lib/server/auth/permissions";
import { db } from "@/lib/db/client";
import { findReissueOfRecovery } from "@/lib/server/orders/reissue-of-recovery";
import { ZDecideKeyRecoverySchema } from "./key-recovery.types";

/**
 * A CA operator approves or rejects a key recovery request (the desk's half of the dual control;
 * the key-management centre's custodians are the other). One outcome: the update is conditional
 * on REQUESTED, so of two racing decisions one wins and the other gets `conflict`. Nobody decides
 * their own request. The holder is told in the inbox.
 */
export async function decideKeyRecovery({ operator, recoveryId, input, ip }: { operator: { id: string; role: Role }; recoveryId: string; input: unknown; ip?: string }) {
  assertPermission(operator, "keys.recover");
  const decision = ZDecideKeyRecoverySchema.parse(input);
  return db.$transaction(async (tx) => {
    const row = await tx.keyRecovery.findUnique({
      where: { id: recoveryId },
      select: { id: true, userId: true, keyShareId: true, user: { select: { locale: true } }, keyShare: { select: { certificates: { where: { usage: "ENCRYPT" }, select: { serialHex: true }, take: 1 } } } },
    });
    if (!row) throw new AppError("not_found");
    if (row.userId === operator.id) throw new AppError("forbidden", { userMessage: "phone.errors.ownRecovery" });
    // A reissue's recovery is decided with the reissue's review (the identity check is there), nowhere else.
    if (await findReissueOfRecovery(tx, recoveryId)) throw new AppError("conflict", { userMessage: "lifecycleReissue.errors.decideInReview" });
    const status = decision.decision === "approve" ? "APPROVED" : "REJECTED";
    const reason = decision.decision === "reject" ? decision.reason : null;
    const done = await tx.keyRecovery.updateMany({
      where: { id: recoveryId, status: "REQUESTED" },
      data: { status, decidedById: operator.id, decidedAt: new Date(), reason },
    });
    if (done.count === 0) throw new AppError("conflict", { userMessage: "phone.errors.recoveryDecided" });
    await writeAudit(tx, { actorId: operator.id, action: status === "APPROVED" ? "key.recovery_approved" : "key.recovery_rejected", targetType: "KeyRecovery", targetId: recoveryId, data: { keyShareId: row.keyShareId, reason }, ip });
    const t = translator(row.user.locale === "en" ? "en" : "zh-CN");
    const serial = row.keyShare.certificates[0]?.serialHex ?? "";
    const [title, body] = status === "APPROVED"
      ? [t("phone.recovery.approvedTitle"), t("phone.recovery.approvedBody", { serial })]
      : [t("phone.recovery.rejectedTitle"), t("phone.recovery.rejectedBody", { serial, reason: reason ?? "" })];
    await tx.inboxMessage.create({ data: { userId: row.userId, title, body, link: "/m/certs" } });
    return { id: recoveryId, status };
  });
}
