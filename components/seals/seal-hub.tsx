import Link from "next/link";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getLocale, getT } from "@/lib/i18n/server";
import { listMyOrganizations } from "@/lib/server/org/list-my-organizations";
import { hasOrgPermission } from "@/lib/server/org/org-permissions";
import { listMySeals } from "@/lib/server/seals/list-seals";
import { MAX_PERSONAL_SEALS } from "@/lib/server/seals/seal-rules";
import { formatDate } from "@/components/console/format";
import { ButtonLink, buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import areaStyles from "@/components/org/org-area.module.css";
import { SealMaker } from "./seal-maker";
import { SealTable } from "./seal-table";
import { GrantedSealTable } from "./granted-seals";
import styles from "./seals.module.css";

/** 印章办理 for a signed-in caller: personal seals (list, new by upload / pad / generated) and the way to the enterprise seals. */
export async function SealHub({ userId, initial }: { userId: string; initial?: string }) {
  const t = await getT();
  const locale = await getLocale();
  const [{ personal, bound, certificates, granted }, orgs] = await Promise.all([listMySeals({ userId }), listMyOrganizations({ userId })]);
  const options = certificates.map((c) => ({ id: c.id, label: t("seals.maker.certificateOption", { name: c.subjectName, serial: c.serialHex.slice(0, 12), date: formatDate(c.notAfter, locale) }) }));
  return (
    <div className={areaStyles.page}>
      <PageHeader
        title={t("seals.hub.title")}
        description={t("seals.hub.lead")}
        actions={<a href="/api/seals/template" className={buttonClassName({ variant: "outline" })} download data-testid="seal-template">{t("seals.hub.template")}</a>}
      />
      <p className={styles.muted}>{t("seals.hub.templateHint")} {t("seals.hub.phoneHint")}</p>
      <Card title={t("seals.hub.personalTitle")} description={t("seals.hub.personalLead", { max: MAX_PERSONAL_SEALS })}>
        <div className={styles.cards}>
          <SealTable seals={personal} t={t} canManage caption={t("seals.hub.personalTitle")} />
          {options.length > 0 ? (
            <>
              <h3>{t("seals.maker.newPersonal")}</h3>
              <SealMaker mode="personal" certificates={options} initial={initial} />
            </>
          ) : (
            <p className={styles.muted}>
              {t("seals.hub.noCertificate")} <Link href="/apply">{t("seals.hub.apply")}</Link>
            </p>
          )}
        </div>
      </Card>
      <Card title={t("seals.hub.orgTitle")} description={t("seals.hub.orgLead")}>
        {orgs.length === 0 ? (
          <p className={styles.muted}>{t("seals.hub.noOrg")} <Link href="/org">{t("orgMembers.home.searchTitle")}</Link></p>
        ) : (
          <ul className={areaStyles.list}>
            {orgs.map((o) => (
              <li key={o.orgId} className={areaStyles.actions}>
                <span>{o.name}</span>
                <span className={styles.muted}>{t(`orgMembers.roles.${o.role}` as MessageKey)}</span>
                <ButtonLink href={`/org/${o.orgId}/seals`} size="sm" variant="outline" data-testid="seal-open-org">{t(hasOrgPermission(o.role, "seals.manage") ? "seals.hub.openOrg" : "seals.hub.viewOrg")}</ButtonLink>
              </li>
            ))}
          </ul>
        )}
        {bound.length > 0 && <SealTable seals={bound} t={t} canManage={false} caption={t("seals.hub.orgTitle")} />}
        {granted.length > 0 && (
          <section className={`${styles.cards} ${styles.grantedSection}`} data-testid="seal-granted-list">
            <h3>{t("sealGrants.mineTitle")}</h3>
            <p className={styles.muted}>{t("sealGrants.mineLead")}</p>
            <GrantedSealTable granted={granted} t={t} locale={locale} />
          </section>
        )}
      </Card>
    </div>
  );
}
