import { db } from "@/lib/db/client";
import type { BankCardView } from "./bank-cards.types";

// A micro-deposit's code stays valid for two days (start-identity-check); an unconfirmed card after that is not shown.
const PENDING_DAYS = 2;

/** 银行卡管理: the account's bound cards and corporate accounts, newest first (a deposit waiting for its code included). */
export async function listBankCards({ userId }: { userId: string }): Promise<BankCardView[]> {
  const pendingSince = new Date(Date.now() - PENDING_DAYS * 86_400_000);
  const rows = await db.bankCard.findMany({
    where: { userId, unboundAt: null, OR: [{ verifiedAt: { not: null } }, { updatedAt: { gt: pendingSince } }] },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind,
    holderName: c.holderName,
    bankName: c.bankName,
    numberMasked: c.numberMasked,
    verifiedBy: c.verifiedBy,
    verifiedAt: c.verifiedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  }));
}
