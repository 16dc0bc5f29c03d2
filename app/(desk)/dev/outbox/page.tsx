import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { getT } from "@/lib/i18n/server";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listOutbox } from "@/lib/server/notify/list-outbox";
import { outboxAccess } from "@/lib/sms/outbox-access";
import styles from "./outbox.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("devtools.outbox.title") };
}

// Public in demo mode; outside it, where an outbox still exists (email without SMTP), for holders
// of outbox.read only (CA admin); a 404 for everyone else.
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const access = outboxAccess();
  if (access === "none") notFound();
  // Outside demo mode: a CA admin's session that has passed its second factor (requirePageUser).
  const viewer = access === "public" ? null : await requirePageUser({ permission: "outbox.read", next: "/dev/outbox" });
  const { to } = await searchParams;
  const t = await getT();
  const messages = await listOutbox({ to: to?.trim() || undefined, limit: 100, viewer }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <div className={styles.page}>
      <PageHeader title={t("devtools.outbox.title")} description={t(access === "public" ? "devtools.outbox.intro" : "devtools.outbox.introStaff")} />
      <form className={styles.filter} method="get">
        <label className={styles.label} htmlFor="outbox-to">{t("devtools.outbox.filter")}</label>
        <input id="outbox-to" name="to" defaultValue={to ?? ""} className={styles.input} />
        <button type="submit" className={styles.button}>{t("devtools.outbox.apply")}</button>
      </form>
      <Card padding="none">
        {messages.length === 0 ? (
          <p className={styles.empty}>{t("devtools.outbox.empty")}</p>
        ) : (
          <ul className={styles.list} data-testid="outbox-list">
            {messages.map((m) => (
              <li key={m.id} className={styles.item} data-testid="outbox-message">
                <div className={styles.meta}>
                  <Badge tone={m.channel === "SMS" ? "info" : "neutral"}>{m.channel === "SMS" ? t("devtools.outbox.sms") : t("devtools.outbox.email")}</Badge>
                  <span className={styles.to}>{m.to}</span>
                  <time className={styles.time} dateTime={m.createdAt.toISOString()}>
                    {m.createdAt.toLocaleString(t.locale, { hour12: false, timeZone: "Asia/Shanghai" })}
                  </time>
                </div>
                {m.subject && <p className={styles.subject}>{m.subject}</p>}
                <p className={styles.body}>{m.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
