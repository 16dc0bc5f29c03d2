import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/**
 * 解绑: the card leaves 银行卡管理 (the row stays, with its check, for the record). One conditional
 * update: of parallel unbinds one succeeds, the others get conflict; someone else's card is NOT_FOUND.
 */
export async function unbindBankCard({ userId, cardId }: { userId: string; cardId: string }) {
  return db.$transaction(async (tx) => {
    const card = await tx.bankCard.findFirst({ where: { id: cardId, userId }, select: { id: true, numberMasked: true } });
    if (!card) throw new AppError("not_found");
    const { count } = await tx.bankCard.updateMany({ where: { id: card.id, unboundAt: null }, data: { unboundAt: new Date() } });
    if (count !== 1) throw new AppError("conflict", { userMessage: "me.cards.errors.alreadyUnbound" });
    await writeAudit(tx, { actorId: userId, action: "bank_card.unbound", targetType: "BankCard", targetId: card.id, data: { numberMasked: card.numberMasked } });
    return { numberMasked: card.numberMasked };
  });
}
