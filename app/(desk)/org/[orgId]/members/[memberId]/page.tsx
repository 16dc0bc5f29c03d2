import type { Metadata } from "next";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getOrganizationOverview } from "@/lib/server/org/get-organization-overview";
import { listMemberCertificates } from "@/lib/server/org/list-member-certificates";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { MembersCertificateRevoke } from "@/components/org/members-certificate-revoke";
import { OrgNav } from "@/components/org/org-nav";
import { orgPage } from "@/components/org/org-page-guard";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgMembers.members.viewCertificates") };
}

// A member's certificates of this organization; a certificate administrator revokes one without removing the member.
export default async function MemberCertificatesPage({ params }: { params: Promise<{ orgId: string; memberId: string }> }) {
  const { orgId, memberId } = await params;
  const user = await requirePageUser({ next: `/org/${orgId}/members/${memberId}` });
  const t = await getT();
  const locale = await getLocale();
  const overview = await orgPage(getOrganizationOverview({ userId: user.id, orgId }));
  const { member, certificates } = await orgPage(listMemberCertificates({ userId: user.id, orgId, memberId }));
  type Row = (typeof certificates)[number];
  const tone = { VALID: "success", REVOKED: "danger", EXPIRED: "neutral" } as const;
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("orgMembers.certs.title", { name: member.name })}
        description={t("orgMembers.certs.lead")}
        breadcrumbs={[
          { label: t("orgMembers.home.title"), href: "/org" },
          { label: overview.org.name, href: `/org/${orgId}` },
          { label: t("orgMembers.members.title"), href: `/org/${orgId}/members` },
          { label: member.name },
        ]}
      />
      <OrgNav orgId={orgId} />
      <Table<Row>
        caption={t("orgMembers.certs.title", { name: member.name })}
        isCaptionHidden
        rows={certificates}
        rowKey={(c) => c.id}
        empty={<EmptyState title={t("orgMembers.certs.empty")} />}
        columns={[
          { key: "serial", header: t("orgMembers.certs.serial"), cell: (c) => <span className={styles.mono}>{c.serialHex}</span> },
          { key: "usage", header: t("orgMembers.certs.usage"), cell: (c) => t(`orgMembers.overview.usages.${c.usage}`) },
          { key: "status", header: t("orgMembers.certs.status"), cell: (c) => <Badge tone={tone[c.status]}>{t(`orgMembers.certs.statuses.${c.status}`)}</Badge> },
          { key: "notAfter", header: t("orgMembers.certs.notAfter"), cell: (c) => c.notAfter.toLocaleDateString(locale) },
          { key: "revokedAt", header: t("orgMembers.certs.revokedAt"), cell: (c) => (c.revokedAt ? c.revokedAt.toLocaleString(locale) : "—") },
          {
            key: "actions",
            header: t("orgMembers.members.actions"),
            isLabelHiddenOnPhone: true,
            cell: (c) => (overview.can.manageCertificates && c.status === "VALID" ? <MembersCertificateRevoke orgId={orgId} certificateId={c.id} serialHex={c.serialHex} /> : null),
          },
        ]}
      />
    </div>
  );
}
