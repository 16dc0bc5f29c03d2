import type { Order } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { maskIdNumber } from "@/lib/validators/mask";
import { readDraft } from "./order-draft.types";

/**
 * The text of the legal representative's authorization letter for this order. It is Chinese
 * whatever the desk language: the letter is a legal document filed with the CA.
 */
export function authorizationLetter(order: Pick<Order, "no" | "draft">, now = new Date()) {
  const { enterprise, handler } = readDraft(order.draft);
  if (!enterprise || !handler) throw new AppError("conflict", { userMessage: "wizard.errors.previousStepMissing" });
  if (handler.isLegalRep) throw new AppError("conflict", { userMessage: "wizard.authorization.notNeeded" });
  const t = translator("zh-CN");
  const params = {
    company: enterprise.name,
    uscc: enterprise.uscc,
    legalRep: enterprise.legalRepName,
    handler: handler.name,
    handlerId: maskIdNumber(handler.idNumber),
    handlerPhone: handler.phone,
    no: order.no,
    date: now.toISOString().slice(0, 10),
  };
  return {
    title: t("wizard.authorization.letterTitle"),
    text: t("wizard.authorization.letterBody", params),
    legalRepPhone: enterprise.legalRepPhone,
    company: enterprise.name,
    handlerName: handler.name,
  };
}
