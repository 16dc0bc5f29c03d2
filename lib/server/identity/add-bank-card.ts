import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { ZAddBankCardSchema } from "./bank-cards.types";
import { matchesVerifiedPerson } from "./matches-verified-person";
import { startIdentityCheck } from "./start-identity-check";

/**
 * 添加银行卡: a card of the account's verified person, checked by 四要素 (the same check and limits as
 * the wizard's); it lands in 银行卡管理 verified when the check passes (startIdentityCheck records it,
 * finishIdentityCheck verifies it). The name is the account's: someone else's card cannot be added.
 */
export async function addBankCard({ userId, input }: { userId: string; input: unknown }) {
  const { idNumber, bankCard, bankName, phone } = ZAddBankCardSchema.parse(input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { realName: true, idNumberMasked: true, realNameVerifiedAt: true } });
  if (!user) throw new AppError("unauthenticated");
  if (!user.realNameVerifiedAt || !user.realName) throw new AppError("conflict", { userMessage: "me.cards.needRealName" });
  if (!matchesVerifiedPerson(user, { name: user.realName, idNumber })) {
    throw new AppError("validation_failed", { userMessage: "me.cards.errors.notAccountHolder", fields: { idNumber: ["me.cards.errors.notAccountHolder"] } });
  }
  const result = await startIdentityCheck({ userId, method: "BANK4", role: "APPLICANT", subject: { name: user.realName, idNumber, bankCard, phone } });
  if (result.status !== "PASSED") {
    throw new AppError("validation_failed", { userMessage: "me.cards.errors.bank4Failed", fields: { bankCard: ["me.cards.errors.bank4Failed"] } });
  }
  const card = await db.bankCard.findFirstOrThrow({ where: { userId, lastCheckId: result.checkId } });
  return bankName && !card.bankName ? db.bankCard.update({ where: { id: card.id }, data: { bankName } }) : card;
}
