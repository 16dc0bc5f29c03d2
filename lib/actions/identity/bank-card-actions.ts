"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { addBankCard } from "@/lib/server/identity/add-bank-card";
import { ZAddBankCardSchema } from "@/lib/server/identity/bank-cards.types";
import { unbindBankCard } from "@/lib/server/identity/unbind-bank-card";
import { ZId } from "@/lib/validators/id";

// 银行卡管理: add a card of the account's verified person (四要素), unbind one.
export const addBankCardAction = userAction({ args: z.tuple([ZAddBankCardSchema]) }, async ({ user, args: [input] }) => {
  const card = await addBankCard({ userId: user.id, input });
  return { id: card.id, numberMasked: card.numberMasked };
});

export const unbindBankCardAction = userAction({ args: z.tuple([ZId]) }, async ({ user, args: [cardId] }) => unbindBankCard({ userId: user.id, cardId }));
