"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { reapplyOrder } from "@/lib/server/orders/reapply-order";
import { ZId } from "@/lib/validators/id";

export const cancelOrderAction = userAction({ args: z.tuple([ZId]) }, async ({ user, args: [orderId], ip }) => {
  await cancelOrder({ userId: user.id, orderId, ip });
  revalidatePath("/orders");
  return { cancelled: true };
});

export const reapplyOrderAction = userAction({ args: z.tuple([ZId]) }, async ({ user, args: [orderId], ip }) => {
  return reapplyOrder({ userId: user.id, orderId, ip });
});
