"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/server/auth/require-user";
import { runAction } from "@/lib/server/http/run-action";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { reapplyOrder } from "@/lib/server/orders/reapply-order";
import { resumeOrder } from "@/lib/server/orders/resume-order";

export async function cancelOrderAction(orderId: string) {
  return runAction(async ({ ip }) => {
    const user = await requireUser();
    await cancelOrder({ userId: user.id, orderId, ip });
    revalidatePath("/orders");
    return { cancelled: true };
  });
}

export async function reapplyOrderAction(orderId: string) {
  return runAction(async ({ ip }) => {
    const user = await requireUser();
    await reapplyOrder({ userId: user.id, orderId, ip });
    return resumeOrder({ userId: user.id, orderId });
  });
}
