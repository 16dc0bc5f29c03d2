import { db } from "@/lib/db/client";
import { translator } from "@/lib/i18n/translate";
import { queueEmail } from "@/lib/server/notify/queue-email";
import { queueSms } from "@/lib/server/notify/queue-sms";
import { REMINDER_DAYS, daysLeft, dueReminderDays } from "./certificate-reminders";

const DAY_MS = 86_400_000;
const shanghaiDate = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

/**
 * The "certs.remind" job: for every VALID signing certificate within 90 days of notAfter and not yet
 * renewed, the reminder of the threshold it is in (90, 30 or 7 days) — SMS to the holder's phone,
 * e-mail where they gave one, an inbox message — once. The CertificateReminder row is inserted first
 * (ON CONFLICT DO NOTHING) and the notices are queued in the same transaction only when this run
 * inserted it, so parallel runs (two instances, a retried job) send each reminder exactly once.
 * Returns how many reminders this run sent. (The queued notices are picked up by the worker that runs this job.)
 */
export async function sendCertificateReminders({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const candidates = await db.certificate.findMany({
    where: {
      usage: "SIGN",
      status: "VALID",
      notAfter: { gt: now, lte: new Date(now.getTime() + REMINDER_DAYS[0] * DAY_MS) },
      userId: { not: null },
      // A certificate being renewed, or renewed, needs no more reminders.
      renewals: { none: { status: { notIn: ["CANCELLED", "REJECTED"] } } },
    },
    select: { id: true, serialHex: true, subjectName: true, notAfter: true, user: { select: { id: true, phone: true, email: true, locale: true } } },
    orderBy: { notAfter: "asc" },
  });
  let sent = 0;
  for (const cert of candidates) {
    const days = dueReminderDays(cert.notAfter, now);
    if (days === null || !cert.user) continue;
    const user = cert.user;
    const isSent = await db.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "CertificateReminder" ("certificateId", "daysBefore", "sentAt") VALUES (${cert.id}, ${days}, ${now})
        ON CONFLICT DO NOTHING`;
      if (inserted === 0) return false;
      const locale = user.locale === "en" ? "en" : "zh-CN";
      const t = translator(locale);
      const params = { subject: cert.subjectName, serial: cert.serialHex, date: shanghaiDate(cert.notAfter), days: String(daysLeft(cert.notAfter, now)) };
      await queueSms(tx, { to: user.phone, template: "cert_expiring", params, locale });
      if (user.email) {
        await queueEmail(tx, { to: user.email, subject: t("lifecycleRenew.notify.emailSubject"), text: t("lifecycleRenew.notify.expiringBody", params), template: "cert_expiring" });
      }
      await tx.inboxMessage.create({
        data: { userId: user.id, title: t("lifecycleRenew.notify.expiringTitle", params), body: t("lifecycleRenew.notify.expiringBody", params), link: "/renew" },
      });
      return true;
    });
    if (isSent) sent++;
  }
  return sent;
}
