"use server";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth/require-user";
import { createOrder } from "@/lib/server/orders/create-order";
import { wizardPath } from "@/lib/server/orders/wizard-steps";

/** 开始办理: opens a draft and goes to its first step. A form action, so it works before hydration. */
export async function startOrderAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const subjectType = formData.get("subjectType") === "INDIVIDUAL" ? "INDIVIDUAL" : "UNIT";
  const channel = formData.get("channel");
  const order = await createOrder({ userId: user.id, subjectType, channelCode: typeof channel === "string" && channel ? channel : null });
  redirect(wizardPath(order, "method"));
}
