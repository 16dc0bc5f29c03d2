import type { Order } from "@/lib/generated/prisma/client";
import { readDraft } from "./order-draft.types";

/** The application as the applicant confirmed it: what the signature's hash covers. */
export function applicationContent(order: Pick<Order, "no" | "subjectType" | "draft" | "years" | "priceFen" | "withSeal" | "medium" | "platformId" | "verificationMethod">) {
  const { enterprise, person, handler, goods } = readDraft(order.draft);
  return {
    no: order.no,
    subjectType: order.subjectType,
    verificationMethod: order.verificationMethod,
    enterprise,
    person,
    handler,
    goods,
    years: order.years,
    priceFen: order.priceFen,
    withSeal: order.withSeal,
    medium: order.medium,
    platformId: order.platformId,
  };
}
