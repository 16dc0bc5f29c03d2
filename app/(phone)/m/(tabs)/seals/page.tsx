import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import styles from "@/components/phone/phone.module.css";
import sealStyles from "@/components/seals/seals.module.css";
import { PhoneSealCard } from "@/components/seals/phone-seal-card";
import { GrantedSealNote } from "@/components/seals/granted-seals";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listMyOrganizations } from "@/lib/server/org/list-my-organizations";
import { hasOrgPermission } from "@/lib/server/org/org-permissions";
import { listMySeals } from "@/lib/server/seals/list-seals";
import { MAX_PERSONAL_SEALS, SLOT_STATUSES } from "@/lib/server/seals/seal-rules";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("seals.phone.title") };
}

// 我的印章: the caller's seals grouped by the certificate they are bound to (personal ones and the
// enterprise's bound to the caller's certificates), each with its status, and under each enterprise certificate
// the enterprise seals granted to it (企业授权: the enterprise and the grant's validity, read-only; a withdrawn
// grant or a revoked certificate takes them off); approved ones download with the PIN;
// personal ones are made here (新增印章 → /m/seals/new), changed, withdrawn and deleted; enterprise ones on
// each enterprise's 企业印章 (/m/org/[orgId]/seals).
export default async function PhoneSealsPage() {
  const user = await requirePhoneUser({ next: "/m/seals" });
  const t = await getT();
  const locale = await getLocale();
  const [{ personal, bound, certificates, granted }, orgs] = await Promise.all([listMySeals({ userId: user.id }), listMyOrganizations({ userId: user.id })]);
  const all = [...personal, ...bound];
  const groups = certificates.map((c) => ({ certificate: c, seals: all.filter((s) => s.certificate?.id === c.id), granted: granted.filter((g) => g.certificateId === c.id) }));
  const unbound = all.filter((s) => !s.certificate || !certificates.some((c) => c.id === s.certificate!.id));
  const used = personal.filter((s) => (SLOT_STATUSES as readonly string[]).includes(s.status)).length;
  const card = (s: (typeof all)[number]) => <PhoneSealCard key={s.id} seal={s} t={t} userId={user.id} canManage={!s.orgId} />;
  return (
    <>
      <header className={styles.header}>
        <h1>{t("seals.phone.title")}</h1>
      </header>
      <div className={sealStyles.cards}>
        <p className={sealStyles.muted}>{t("seals.phone.lead")}</p>
        <p className={sealStyles.count} data-testid="phone-seal-count">{t("seals.phone.personalCount", { count: used, max: MAX_PERSONAL_SEALS })}</p>
        {groups.map((g) => (
          <section key={g.certificate.id} className={styles.section} data-testid="phone-seal-group">
            <h2 className={styles.sectionTitle}>{g.certificate.subjectName} · {t("seals.phone.byCertificate", { serial: g.certificate.serialHex.slice(0, 12) })}</h2>
            {g.seals.length === 0 && g.granted.length === 0 ? (
              <p className={sealStyles.muted}>{t("seals.phone.none")}</p>
            ) : (
              <ul className={styles.list}>
                {g.seals.map(card)}
                {g.granted.map((x) => (
                  <PhoneSealCard key={`granted-${x.seal.id}`} seal={x.seal} t={t} userId={user.id} canManage={false}>
                    <GrantedSealNote grant={x} t={t} locale={locale} />
                  </PhoneSealCard>
                ))}
              </ul>
            )}
          </section>
        ))}
        {unbound.length > 0 && <ul className={styles.list}>{unbound.map(card)}</ul>}
        {groups.length === 0 && unbound.length === 0 && <EmptyState title={t("seals.hub.empty")} description={t("seals.hub.noCertificate")} />}
        <p className={sealStyles.muted}>{t("seals.phone.addHint")}</p>
        <ButtonLink href="/m/seals/new" block data-testid="phone-seal-add">{t("seals.phone.add")}</ButtonLink>
        {orgs.length > 0 && (
          <section className={styles.section}>
            <h2 className={styles.sectionTitle}>{t("seals.hub.orgTitle")}</h2>
            <ul className={styles.menu}>
              {orgs.map((o) => (
                <li key={o.orgId}>
                  <Link href={`/m/org/${o.orgId}/seals`} data-testid="phone-seal-org">
                    {o.name}
                    {hasOrgPermission(o.role, "seals.manage") && <span className={sealStyles.muted}> · {t("seals.hub.openOrg")}</span>}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
