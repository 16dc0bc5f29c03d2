import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { splitLines } from "@/components/ui/split-lines";
import { formatTime } from "@/components/orders/order-timeline";
import { PhoneHandoff } from "@/components/handoff/phone-handoff";
import styles from "@/components/lookup/lookup.module.css";
import { getT } from "@/lib/i18n/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { listLockedCertificates } from "@/lib/server/lookup/list-locked-certificates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("lifecycleLookup.unlock.title"), description: t("lifecycleLookup.unlock.lead") };
}

// 证书解锁 on the desk: what it takes, and for a signed-in holder each locked certificate's unlock page
// on the phone (QR + link). The unlock itself runs there (lib/server/keys/reverify-key.ts): the phone
// holds the key share it re-wraps.
export default async function UnlockPage() {
  const t = await getT();
  const user = await getSessionUser();
  const locked = user ? await listLockedCertificates({ userId: user.id }) : [];
  const sections = [
    { id: "steps", title: t("lifecycleLookup.unlock.stepsTitle"), items: splitLines(t("lifecycleLookup.unlock.steps")), ordered: true },
    { id: "need", title: t("lifecycleLookup.unlock.needTitle"), items: splitLines(t("lifecycleLookup.unlock.need")), ordered: false },
  ];
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("lifecycleLookup.unlock.title")}
        description={t("lifecycleLookup.unlock.lead")}
        breadcrumbsLabel={t("shell.ui.breadcrumbs")}
        breadcrumbs={[{ label: t("shell.nav.home"), href: "/" }, { label: t("lifecycleLookup.unlock.title") }]}
      />
      <div className={styles.grid}>
        <div className={styles.form}>
          <Card title={t("lifecycleLookup.unlock.whyPhoneTitle")} padding="md">
            <p>{t("lifecycleLookup.unlock.whyPhone")}</p>
          </Card>
          {sections.map((s) => {
            const List = s.ordered ? "ol" : "ul";
            return (
              <Card key={s.id} title={s.title} padding="md">
                <List className={styles.list}>
                  {s.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </List>
              </Card>
            );
          })}
          <Card title={t("lifecycleLookup.unlock.lostTitle")} padding="md">
            <p>{t("lifecycleLookup.unlock.lost")}</p>
            <PhoneHandoff path="/m" lead={t("lifecycleLookup.reissueHint")} testId="unlock-reissue" isBare />
          </Card>
        </div>
        <Card title={t("lifecycleLookup.unlock.yoursTitle")} padding="md" data-testid="unlock-start">
          {!user ? (
            <div className={styles.form}>
              <p>{t("lifecycleLookup.unlock.loginFirst")}</p>
              <ButtonLink href="/login?next=%2Funlock" block>{t("lifecycleLookup.unlock.login")}</ButtonLink>
            </div>
          ) : locked.length === 0 ? (
            <p className={styles.muted} data-testid="unlock-none">{t("lifecycleLookup.unlock.noneLocked")}</p>
          ) : (
            <ul className={styles.form} style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {locked.map((c) => (
                  <li key={c.id} className={styles.form} data-testid={`unlock-cert-${c.serialHex}`}>
                    <strong>{c.subjectName}</strong>
                    {c.keyShare?.lockedAt && <span className={styles.muted}>{t("lifecycleLookup.unlock.lockedAt", { time: formatTime(c.keyShare.lockedAt, t.locale) })}</span>}
                    <PhoneHandoff path={`/m/certs/${c.id}/unlock`} lead={t("lifecycleLookup.unlock.scanToUnlock")} testId={`unlock-handoff-${c.serialHex}`} isBare />
                  </li>
              ))}
            </ul>
          )}
          <p className={styles.muted}>
            <Link href="/help">{t("lifecycleLookup.unlock.toHelp")}</Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
