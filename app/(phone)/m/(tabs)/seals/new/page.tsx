import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { formatDate } from "@/components/console/format";
import styles from "@/components/phone/phone.module.css";
import { SealMaker } from "@/components/seals/seal-maker";
import { makerInitial } from "@/components/seals/seal-reapply";
import sealStyles from "@/components/seals/seals.module.css";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listMyOrganizations } from "@/lib/server/org/list-my-organizations";
import { hasOrgPermission } from "@/lib/server/org/org-permissions";
import { listMySeals } from "@/lib/server/seals/list-seals";
import { MAX_PERSONAL_SEALS, SLOT_STATUSES } from "@/lib/server/seals/seal-rules";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("seals.phone.add") };
}

// 新增印章 in the app: a personal seal by photo (camera or gallery), the signature pad or generated from the real
// name — the desk's form and server functions (POST /api/seals/preview, POST /api/seals) — with the 3-seal count;
// the enterprises whose seals the caller manages lead to their 企业印章 page.
export default async function PhoneNewSealPage({ searchParams }: { searchParams: Promise<{ kind?: string | string[]; source?: string | string[] }> }) {
  const user = await requirePhoneUser({ next: "/m/seals/new" });
  const t = await getT();
  const locale = await getLocale();
  const [{ personal, certificates }, orgs] = await Promise.all([listMySeals({ userId: user.id }), listMyOrganizations({ userId: user.id })]);
  const used = personal.filter((s) => (SLOT_STATUSES as readonly string[]).includes(s.status)).length;
  const options = certificates.map((c) => ({ id: c.id, label: t("seals.maker.certificateOption", { name: c.subjectName, serial: c.serialHex.slice(0, 12), date: formatDate(c.notAfter, locale) }) }));
  const managed = orgs.filter((o) => hasOrgPermission(o.role, "seals.manage"));
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/seals" className={styles.back} aria-label={t("seals.phone.done")}>‹</Link>
        <h1>{t("seals.phone.add")}</h1>
      </header>
      <div className={sealStyles.cards}>
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>{t("seals.maker.newPersonal")}</h2>
          <div className={sealStyles.cards}>
            <p className={sealStyles.count} data-testid="phone-seal-count">{t("seals.phone.personalCount", { count: used, max: MAX_PERSONAL_SEALS })}</p>
            {used >= MAX_PERSONAL_SEALS ? (
              <Alert tone="warning" isLive={false} data-testid="phone-seal-full">{t("seals.phone.personalFull", { max: MAX_PERSONAL_SEALS })}</Alert>
            ) : options.length === 0 ? (
              <p className={sealStyles.muted}>{t("seals.hub.noCertificate")}</p>
            ) : (
              <SealMaker mode="personal" certificates={options} isPhone initial={makerInitial("personal", await searchParams)} />
            )}
            <ButtonLink href="/m/seals" variant="outline" block data-testid="phone-seal-back">{t("seals.phone.done")}</ButtonLink>
          </div>
        </section>
        {managed.length > 0 && (
          <section className={styles.section}>
            <h2 className={styles.sectionTitle}>{t("seals.maker.newOrg")}</h2>
            <p className={sealStyles.muted}>{t("seals.phone.orgLead")}</p>
            <ul className={styles.menu}>
              {managed.map((o) => (
                <li key={o.orgId}><Link href={`/m/org/${o.orgId}/seals`} data-testid="phone-seal-org">{o.name}</Link></li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
