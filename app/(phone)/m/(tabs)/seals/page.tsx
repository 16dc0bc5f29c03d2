import type { Metadata } from "next";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import styles from "@/components/phone/phone.module.css";
import sealStyles from "@/components/seals/seals.module.css";
import { PhoneSealDownload } from "@/components/seals/phone-seal-download";
import { SealRowActions } from "@/components/seals/seal-row-actions";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listMySeals } from "@/lib/server/seals/list-seals";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("seals.phone.title") };
}

// 我的印章: the caller's seals grouped by the certificate they are bound to (personal ones and the
// enterprise's bound to the caller's certificates), each with its status; approved ones download with the PIN.
export default async function PhoneSealsPage() {
  const user = await requirePhoneUser({ next: "/m/seals" });
  const t = await getT();
  const { personal, bound, certificates } = await listMySeals({ userId: user.id });
  const all = [...personal, ...bound];
  const groups = certificates.map((c) => ({ certificate: c, seals: all.filter((s) => s.certificate?.id === c.id) }));
  const unbound = all.filter((s) => !s.certificate || !certificates.some((c) => c.id === s.certificate!.id));
  const card = (s: (typeof all)[number]) => (
    <li key={s.id} className={`${styles.card} ${sealStyles.sealCard}`} data-testid="phone-seal">
      {/* eslint-disable-next-line @next/next/no-img-element -- access-checked, same-origin */}
      {s.status === "AWAITING_IMAGE" ? <span /> : <img className={sealStyles.thumb} src={`/api/seals/${s.id}/image?which=processed`} alt={s.name} />}
      <div className={sealStyles.cards}>
        <p className={styles.cardTitle}>{s.name}</p>
        <span><Badge tone={s.status === "APPROVED" ? "success" : s.status === "REJECTED" ? "danger" : "info"}>{t(`seals.statuses.${s.status}` as MessageKey)}</Badge> <span className={sealStyles.muted}>{t(`seals.kinds.${s.kind}` as MessageKey)}</span></span>
        {s.status === "REJECTED" && s.rejectReason && <p className={sealStyles.muted}>{s.rejectReason}</p>}
        {s.status === "VOIDED" && s.voidReason && <p className={sealStyles.muted}>{t(`seals.voidReasons.${s.voidReason}` as MessageKey)}</p>}
        <span className={sealStyles.actions}>
          {s.status === "APPROVED" && s.certificate?.userId === user.id && <PhoneSealDownload sealId={s.id} />}
          {!s.orgId && s.status !== "DELETED" && <SealRowActions sealId={s.id} status={s.status === "PENDING_REVIEW" ? "PENDING_REVIEW" : "NONE"} isPersonal />}
        </span>
      </div>
    </li>
  );
  return (
    <>
      <header className={styles.header}>
        <h1>{t("seals.phone.title")}</h1>
      </header>
      <div className={sealStyles.cards}>
        <p className={sealStyles.muted}>{t("seals.phone.lead")}</p>
        {groups.map((g) => (
          <section key={g.certificate.id} className={styles.section} data-testid="phone-seal-group">
            <h2 className={styles.sectionTitle}>{g.certificate.subjectName} · {t("seals.phone.byCertificate", { serial: g.certificate.serialHex.slice(0, 12) })}</h2>
            {g.seals.length === 0 ? <p className={sealStyles.muted}>{t("seals.phone.none")}</p> : <ul className={styles.list}>{g.seals.map(card)}</ul>}
          </section>
        ))}
        {unbound.length > 0 && <ul className={styles.list}>{unbound.map(card)}</ul>}
        {groups.length === 0 && unbound.length === 0 && <EmptyState title={t("seals.hub.empty")} description={t("seals.hub.noCertificate")} />}
        <p className={sealStyles.muted}>{t("seals.phone.addHint")}</p>
        <ButtonLink href="/seals" variant="outline" block data-testid="phone-seal-add">{t("seals.phone.add")}</ButtonLink>
      </div>
    </>
  );
}
