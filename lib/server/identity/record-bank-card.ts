import type { Tx } from "@/lib/db/client";
import { keyedHash } from "@/lib/db/keyed-hash";
import { maskAccount, maskBankCard, maskName } from "@/lib/validators/mask";

/**
 * A bank card or corporate account the account holder used for a check (四要素, 个人打款, 对公打款):
 * one row per account and number (a keyed hash; the number itself is never stored), pointing at the
 * check that is verifying it. Used again after unbinding, it comes back unverified until this check
 * passes (markBankCardVerified). In the transaction that creates the check.
 */
export async function recordBankCard(
  tx: Tx,
  { userId, kind, holderName, bankName, number, checkId }: { userId: string; kind: "PERSONAL" | "CORPORATE"; holderName: string; bankName?: string | null; number: string; checkId: string },
) {
  const digits = number.replace(/[\s-]+/g, "");
  const numberHash = keyedHash("bank-card", digits);
  const existing = await tx.bankCard.findUnique({ where: { userId_numberHash: { userId, numberHash } }, select: { id: true, unboundAt: true } });
  const holder = kind === "PERSONAL" ? maskName(holderName) : holderName.trim();
  if (!existing) {
    return tx.bankCard.create({
      data: { userId, kind, holderName: holder, bankName: bankName?.trim() || null, numberMasked: kind === "PERSONAL" ? maskBankCard(digits) : maskAccount(digits), numberHash, lastCheckId: checkId },
    });
  }
  return tx.bankCard.update({
    where: { id: existing.id },
    data: { lastCheckId: checkId, holderName: holder, ...(bankName ? { bankName: bankName.trim() } : {}), ...(existing.unboundAt ? { unboundAt: null, verifiedAt: null, verifiedBy: null } : {}) },
  });
}

/**
 * The check verifying a card ended: passed, the card is verified by its method; failed, a card that
 * was never verified goes again (a mistyped number is not "a card you used").
 */
export async function settleBankCard(tx: Tx, { checkId, ok, method }: { checkId: string; ok: boolean; method: "CORP_DEPOSIT" | "PERSONAL_DEPOSIT" | "BANK4" | "PHONE3" | "FACE" }) {
  if (ok) await tx.bankCard.updateMany({ where: { lastCheckId: checkId }, data: { verifiedAt: new Date(), verifiedBy: method } });
  else await tx.bankCard.deleteMany({ where: { lastCheckId: checkId, verifiedAt: null } });
}
