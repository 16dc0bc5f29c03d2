import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { sendVerificationCode } from "@/lib/server/auth/send-verification-code";
import { maskPhone } from "@/lib/server/auth/session-user";
import { getOrderForUser } from "./get-order-for-user";
import { signerPhone } from "./signer-phone";

/** Texts the signing code to the handler; the code is bound to this order (context), so it signs nothing else. */
export async function sendSignCode({ userId, orderId, ip, locale }: { userId: string; orderId: string; ip: string; locale: Locale }) {
  const order = await getOrderForUser({ userId, orderId });
  if (order.status !== "DRAFT") throw new AppError("conflict", { userMessage: "orders.errors.notDraft" });
  const phone = signerPhone(order);
  if (!phone) throw new AppError("conflict", { userMessage: "wizard.errors.previousStepMissing" });
  const sent = await sendVerificationCode({ phone, purpose: "SIGN_APPLICATION", ip, locale, context: orderId });
  return { ...sent, phone: maskPhone(phone) };
}
