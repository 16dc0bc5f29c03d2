import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { maskPhone } from "@/lib/server/auth/session-user";
import { queueSms } from "@/lib/server/notify/queue-sms";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { keyedHash } from "@/lib/db/keyed-hash";
import { authorizationLetter } from "./authorization-letter";
import { getDraftOrder } from "./get-draft-order";

const LINK_TTL_HOURS = 72;

export function authorizationTokenHash(token: string) {
  return keyedHash("legal-rep-authorization", token);
}

/**
 * Texts the legal representative a link to sign the authorization letter on their phone. Only a
 * hash of the link's token is stored; a new link replaces (cancels) the previous one.
 */
export async function createAuthorizationLink({ userId, orderId, locale, ip }: { userId: string; orderId: string; locale: Locale; ip?: string }) {
  const token = randomBytes(24).toString("base64url");
  const result = await db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    const letter = authorizationLetter(order);
    await tx.legalRepAuthorization.updateMany({ where: { orderId, status: "SENT" }, data: { status: "CANCELLED" } });
    const auth = await tx.legalRepAuthorization.create({
      data: {
        orderId,
        phone: letter.legalRepPhone,
        tokenHash: authorizationTokenHash(token),
        letterText: letter.text,
        expiresAt: new Date(Date.now() + LINK_TTL_HOURS * 3600_000),
      },
    });
    const url = `${env().APP_URL.replace(/\/$/, "")}/authorize/${token}`;
    await queueSms(tx, { to: letter.legalRepPhone, template: "authorization_link", params: { company: letter.company, handler: letter.handlerName, url, hours: String(LINK_TTL_HOURS) }, locale });
    await tx.orderEvent.create({ data: { orderId, type: "authorization_sent", actorId: userId } });
    await writeAudit(tx, { actorId: userId, action: "order.authorization_sent", targetType: "LegalRepAuthorization", targetId: auth.id, data: { orderId }, ip });
    return { id: auth.id, status: auth.status, expiresAt: auth.expiresAt, phone: maskPhone(letter.legalRepPhone) };
  });
  wakeWorker();
  return result;
}
