"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userFormAction } from "@/lib/server/http/user-action";
import { createOrder } from "@/lib/server/orders/create-order";
import { wizardPath } from "@/lib/server/orders/wizard-steps";

const ZStartFields = z.object({
  subjectType: z.enum(["UNIT", "INDIVIDUAL"]).catch("UNIT"),
  channel: z.string().max(40).optional(),
});

/**
 * 开始办理: opens a draft (or the empty one an earlier click opened) and goes to its first step. A form
 * action, so it works before hydration.
 */
export const startOrderAction = userFormAction({ fields: ZStartFields, loginNext: "/apply" }, async ({ user, fields }) => {
  const order = await createOrder({ userId: user.id, subjectType: fields.subjectType, channelCode: fields.channel || null, reuseEmptyDraft: true });
  redirect(wizardPath(order, "method"));
});
