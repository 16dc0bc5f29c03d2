import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { sendVerificationCode } from "@/lib/server/auth/send-verification-code";
import { findAuthorizationByToken } from "./find-authorization-by-token";

/** The code goes to the phone the letter was sent to, bound to this authorization. */
export async function sendAuthorizationCode({ token, ip, locale }: { token: string; ip: string; locale: Locale }) {
  const auth = await findAuthorizationByToken({ token });
  if (auth.status !== "SENT") throw new AppError("gone", { userMessage: "wizard.authorization.linkClosed" });
  const sent = await sendVerificationCode({ phone: auth.phone, purpose: "LEGAL_REP_AUTHORIZATION", ip, locale, context: auth.id });
  return { ...sent, phone: auth.maskedPhone };
}
