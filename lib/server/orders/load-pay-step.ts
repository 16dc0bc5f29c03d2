import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import type { WizardStepContext } from "./wizard-order.types";

/** The pay step: only for an unpaid order; whether it will be approved at once (individual, applicant check passed). */
export async function loadPayStep({ order }: WizardStepContext) {
  if (order.status !== "AWAITING_PAYMENT") redirect(`/orders/${order.id}`);
  const isAutoApprove =
    !order.offline &&
    order.subjectType === "INDIVIDUAL" &&
    order.channel.autoApproveIndividual &&
    Boolean(await db.identityCheck.findFirst({ where: { orderId: order.id, role: "APPLICANT", status: "PASSED" }, select: { id: true } }));
  return {
    orderId: order.id,
    orderNo: order.no,
    amountFen: order.priceFen ?? 0,
    isOffline: order.offline,
    isUnit: order.subjectType === "UNIT",
    mailingAddress: order.channel.mailingAddress ?? "",
    isAutoApprove,
  };
}
