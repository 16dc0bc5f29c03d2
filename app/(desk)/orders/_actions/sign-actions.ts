"use server";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { runAction } from "@/lib/server/http/run-action";
import { createAuthorizationLink } from "@/lib/server/orders/create-authorization-link";
import { getAuthorizationStatus } from "@/lib/server/orders/get-authorization-status";
import { sendSignCode } from "@/lib/server/orders/send-sign-code";
import { signApplication } from "@/lib/server/orders/sign-application";
import { wizardPath } from "@/lib/server/orders/wizard-steps";

export async function sendSignCodeAction(orderId: string) {
  return runAction(async ({ ip }) => {
    const user = await requireUser();
    return sendSignCode({ userId: user.id, orderId, ip, locale: await getLocale() });
  });
}

export async function signApplicationAction(orderId: string, input: unknown) {
  return runAction(async ({ ip }) => {
    const user = await requireUser();
    const order = await signApplication({ userId: user.id, orderId, input, ip });
    // Unpaid → the payment page; free or already paid → the order's page.
    return { nextPath: order.status === "AWAITING_PAYMENT" ? wizardPath(order, "pay") : `/orders/${order.id}` };
  });
}

export async function sendAuthorizationLinkAction(orderId: string) {
  return runAction(async ({ ip }) => {
    const user = await requireUser();
    await createAuthorizationLink({ userId: user.id, orderId, locale: await getLocale(), ip });
    return getAuthorizationStatus({ userId: user.id, orderId });
  });
}
