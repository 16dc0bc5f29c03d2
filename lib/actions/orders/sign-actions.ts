"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { createAuthorizationLink } from "@/lib/server/orders/create-authorization-link";
import { getAuthorizationStatus } from "@/lib/server/orders/get-authorization-status";
import { sendSignCode } from "@/lib/server/orders/send-sign-code";
import { signApplication } from "@/lib/server/orders/sign-application";
import { wizardPath } from "@/lib/server/orders/wizard-steps";
import { ZId } from "@/lib/validators/id";

export const sendSignCodeAction = userAction({ args: z.tuple([ZId]) }, ({ user, args: [orderId], ip, locale }) =>
  sendSignCode({ userId: user.id, orderId, ip, locale }),
);

export const signApplicationAction = userAction({ args: z.tuple([ZId, z.unknown()]) }, async ({ user, args: [orderId, input], ip }) => {
  const order = await signApplication({ userId: user.id, orderId, input, ip });
  // Unpaid → the payment page; free or already paid → the order's page.
  return { nextPath: order.status === "AWAITING_PAYMENT" ? wizardPath(order, "pay") : `/orders/${order.id}` };
});

export const sendAuthorizationLinkAction = userAction({ args: z.tuple([ZId]) }, async ({ user, args: [orderId], ip, locale }) => {
  await createAuthorizationLink({ userId: user.id, orderId, locale, ip });
  return getAuthorizationStatus({ userId: user.id, orderId });
});
