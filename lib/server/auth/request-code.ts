import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { db } from "@/lib/db/client";
import { sendVerificationCode } from "./send-verification-code";
import type { SessionUser } from "./session-user";
import type { TSendCode } from "./auth.types";

/** Decides who may ask for which code, then sends it. */
export async function requestCode({ phone, purpose, user, ip, locale }: TSendCode & { user: SessionUser | null; ip: string; locale: Locale }) {
  switch (purpose) {
    case "LOGIN":
      return sendVerificationCode({ phone, purpose, ip, locale });
    case "RESET_PASSWORD": {
      const exists = Boolean(await db.user.findUnique({ where: { phone }, select: { id: true } }));
      return sendVerificationCode({ phone, purpose, ip, locale, deliver: exists });
    }
    case "CHANGE_PHONE_OLD":
      if (!user) throw new AppError("unauthenticated");
      if (phone !== user.phone) throw new AppError("validation_failed", { fields: { phone: ["auth.errors.notYourPhone"] } });
      return sendVerificationCode({ phone, purpose, ip, locale, context: user.id });
    case "CHANGE_PHONE_NEW":
      if (!user) throw new AppError("unauthenticated");
      return sendVerificationCode({ phone, purpose, ip, locale, context: user.id });
  }
}
