import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/console/format";
import { orgPage } from "@/components/org/org-page-guard";
import styles from "@/components/phone/phone.module.css";
import { PhoneSealCard } from "@/components/seals/phone-seal-card";
import { SealGrants } from "@/components/seals/seal-grants";
import { holderLabel } from "@/components/seals/seal-table";
import { SealMaker } from "@/components/seals/seal-maker";
import { makerInitial } from "@/components/seals/seal-reapply";
import sealStyles from "@/components/seals/seals.module.css";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listOrgSeals } from "@/lib/server/seals/list-seals";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("seals.hub.orgTitle") };
}

// 企业印章 in the app: every member reads the enterprise's seals; the administrator and seal administrators
// (seals.manage) make 公章 / 法人章 / 法人签字 by photo (the desk's form: original and processed side by side →
// bound certificate → CA review) and withdraw, re-submit (补章) or change (签章变更) them; every approved seal shows
// who may use it (授权使用), with grant / withdraw for seals.manage.
export default async function PhoneOrgSealsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<{ kind?: string | string[]; source?: string | string[] }> }) {
  const { orgId } = await params;
  const user = await requirePhoneUser({ next: `/m/org/${orgId}/seals` });
  const t = await getT();
  const locale = await getLocale();
  const { orgName, seals, canManage, certificates, grantable } = await orgPage(listOrgSeals({ userId: user.id, orgId }));
  const candidates = grantable.map((c) => ({ certificateId: c.id, label: holderLabel(t, c) }));
  const options = certificates.map((c) => ({
    id: c.id,
    label: t("seals.maker.certificateOption", { name: c.user?.realName ?? c.user?.name ?? c.subjectName, serial: c.serialHex.slice(0, 12), date: formatDate(c.notAfter, locale) }),
  }));
  return (
    <>
      <header className={styles.header}>
        <Link href={`/m/org/${orgId}`} className={styles.back} aria-label={t("seals.actions.back")}>‹</Link>
        <h1>{t("seals.hub.orgTitle")}</h1>
      </header>
      <div className={sealStyles.cards}>
        <p className={styles.note}>{orgName}</p>
        {seals.some((s) => s.status === "AWAITING_IMAGE") && <Alert tone="warning" isLive={false} title={t("seals.order.title")} data-testid="seal-awaiting">{t("seals.order.awaiting")}</Alert>}
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>{t("seals.title")}</h2>
          {seals.length === 0 ? <EmptyState title={t("seals.hub.empty")} /> : <ul className={styles.list}>
              {seals.map((s) => (
                <PhoneSealCard key={s.id} seal={s} t={t} userId={user.id} canManage={canManage}>
                  {s.status === "APPROVED" && (
                    <>
                      <p className={sealStyles.muted}>{t("sealGrants.column")}</p>
                      <SealGrants orgId={orgId} sealId={s.id} bound={s.certificate ? holderLabel(t, s.certificate) : null} grants={s.grants.map((g) => ({ certificateId: g.certificateId, label: holderLabel(t, g.certificate) }))} candidates={candidates.filter((c) => c.certificateId !== s.certificate?.id)} canManage={canManage} />
                    </>
                  )}
                </PhoneSealCard>
              ))}
            </ul>}
        </section>
        {canManage ? (
          <section className={styles.section}>
            <h2 className={styles.sectionTitle}>{t("seals.maker.newOrg")}</h2>
            <p className={sealStyles.muted}>{t("seals.hub.templateHint")}</p>
            {options.length > 0 ? <SealMaker mode="org" orgId={orgId} certificates={options} isPhone initial={makerInitial("org", await searchParams)} /> : <p className={sealStyles.muted}>{t("seals.hub.noCertificate")}</p>}
          </section>
        ) : (
          <p className={sealStyles.muted}>{t("seals.phone.orgReadOnly")}</p>
        )}
      </div>
    </>
  );
}
