import type { Metadata } from "next";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getOrganizationOverview } from "@/lib/server/org/get-organization-overview";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { OrgNav } from "@/components/org/org-nav";
import { orgPage } from "@/components/org/org-page-guard";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgMembers.overview.title") };
}

// 企业概况: details, my role, counts, and the 变更企业信息 entry (hands over to the certificate change flow).
export default async function OrganizationPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requirePageUser({ next: `/org/${orgId}` });
  const t = await getT();
  const locale = await getLocale();
  const o = await orgPage(getOrganizationOverview({ userId: user.id, orgId }));
  type Cert = (typeof o.certificates)[number];
  const date = (d: Date | null) => (d ? d.toLocaleDateString(locale) : "—");
  return (
    <div className={styles.page}>
      <PageHeader
        title={o.org.name}
        description={`${t("orgMembers.home.uscc")} ${o.org.uscc}`}
        breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: o.org.name }]}
      />
      <OrgNav orgId={orgId} />
      <div className={styles.stats}>
        <div className={styles.stat}><strong data-testid="org-count-members">{o.counts.members}</strong><span>{t("orgMembers.overview.members")}</span></div>
        <div className={styles.stat}><strong data-testid="org-count-certificates">{o.counts.validCertificates}</strong><span>{t("orgMembers.overview.validCertificates")}</span></div>
        <div className={styles.stat}><strong>{o.counts.authorizations}</strong><span>{t("orgMembers.overview.authorizations")}</span></div>
        <div className={styles.stat}><strong>{o.counts.openRequests}</strong><span>{t("orgMembers.overview.openRequests")}</span></div>
      </div>
      <div className={styles.grid}>
        <Card title={t("orgMembers.overview.details")}>
          <dl className={styles.dl}>
            <dt>{t("orgMembers.home.name")}</dt><dd>{o.org.name}</dd>
            <dt>{t("orgMembers.home.uscc")}</dt><dd className={styles.mono}>{o.org.uscc}</dd>
            <dt>{t("orgMembers.overview.legalRep")}</dt><dd>{o.org.legalRepName}</dd>
            <dt>{t("orgMembers.overview.legalRepId")}</dt><dd className={styles.mono}>{o.org.legalRepIdNumber}</dd>
            {o.org.address && (<><dt>{t("orgMembers.overview.address")}</dt><dd>{o.org.address}</dd></>)}
            <dt>{t("orgMembers.overview.verifiedAt")}</dt><dd>{o.org.verifiedAt ? date(o.org.verifiedAt) : t("orgMembers.home.unverified")}</dd>
            <dt>{t("orgMembers.overview.createdAt")}</dt><dd>{date(o.org.createdAt)}</dd>
          </dl>
        </Card>
        <Card title={t("orgMembers.overview.myRole")}>
          <p data-testid="org-my-role">{t(`orgMembers.roles.${o.myRole}`)}</p>
        </Card>
      </div>
      {o.can.edit && (
        <Card title={t("orgMembers.overview.changeTitle")} description={t("orgMembers.overview.changeLead")} actions={<ButtonLink href="/change" size="sm" variant="outline">{t("orgMembers.overview.changeGo")}</ButtonLink>}>
          <Table<Cert>
            caption={t("orgMembers.overview.changeTitle")}
            isCaptionHidden
            rows={o.certificates}
            rowKey={(c) => c.id}
            empty={<p className={styles.muted}>{t("orgMembers.overview.changeNone")}</p>}
            columns={[
              { key: "serial", header: t("orgMembers.overview.serial"), cell: (c) => <span className={styles.mono}>{c.serialHex}</span> },
              { key: "usage", header: t("orgMembers.overview.usage"), cell: (c) => t(`orgMembers.overview.usages.${c.usage}`) },
              { key: "holder", header: t("orgMembers.overview.holder"), cell: (c) => c.holder },
              { key: "notAfter", header: t("orgMembers.overview.notAfter"), cell: (c) => date(c.notAfter) },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
