import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { maskPhone } from "@/lib/server/auth/session-user";
import { sendVerificationCode } from "@/lib/server/auth/send-verification-code";
import { db } from "@/lib/db/client";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { holderOfOrder } from "@/lib/server/orders/holder-of-order";

/** Texts a REVERIFY code, bound to this key share, to the certificate holder's verified phone. */
export async function sendReverifyCode({ userId, keyShareId, ip, locale }: { userId: string; keyShareId: string; ip: string; locale: Locale }) {
  const { orderId } = await findKeyGroup({ userId, keyShareId });
  if (!orderId) throw new AppError("not_found");
  const order = await db.order.findFirstOrThrow({ where: { id: orderId, userId }, select: { subjectType: true, draft: true } });
  const holder = holderOfOrder(order);
  const sent = await sendVerificationCode({ phone: holder.phone, purpose: "REVERIFY", ip, locale, context: keyShareId });
  return { ...sent, maskedPhone: maskPhone(holder.phone) };
}
