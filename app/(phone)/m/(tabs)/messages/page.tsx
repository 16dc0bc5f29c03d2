import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { MarkReadButton } from "@/components/phone/mark-read-button";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { listInbox } from "@/lib/server/notify/list-inbox";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.messages.metaTitle") };
}

export default async function MessagesPage() {
  const user = await requirePhoneUser({ next: "/m/messages" });
  const t = await getT();
  const { messages, unread } = await listInbox({ userId: user.id });
  const when = (d: Date) => new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(d);
  return (
    <>
      <header className={styles.header} style={{ justifyContent: "space-between" }}>
        <h1>{t("phone.messages.title")}</h1>
        {unread > 0 && <MarkReadButton label={t("phone.messages.markAllRead")} />}
      </header>
      {messages.length === 0 ? (
        <EmptyState title={t("phone.messages.empty")} />
      ) : (
        <ul className={styles.list}>
          {messages.map((m) => {
            const isDownload = m.link?.startsWith("/m/download/");
            return (
              <li key={m.id} className={`${styles.card} ${m.readAt ? "" : styles.unread}`} data-testid="inbox-message">
                <div className={styles.cardTop}>
                  <p className={styles.cardTitle}>{m.title}</p>
                  {!m.readAt && <Badge tone="danger">{t("phone.messages.unread")}</Badge>}
                </div>
                <p className={styles.cardMeta}>{when(m.createdAt)}</p>
                <p>{m.body}</p>
                {m.link &&
                  (isDownload ? (
                    <ButtonLink href={m.link} block data-testid="inbox-download">{t("phone.messages.download")}</ButtonLink>
                  ) : (
                    // The desk page opens in the browser: corrections are made on the desk.
                    <Link href={m.link} data-testid="inbox-reapply">{t("phone.messages.reapply")} ›</Link>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
