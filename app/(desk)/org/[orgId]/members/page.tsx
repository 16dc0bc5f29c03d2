import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getOrganizationOverview } from "@/lib/server/org/get-organization-overview";
import { listMembers } from "@/lib/server/org/list-members";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { MembersAddForm } from "@/components/org/members-add-form";
import { MembersTable } from "@/components/org/members-table";
import { OrgNav } from "@/components/org/org-nav";
import { orgPage } from "@/components/org/org-page-guard";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgMembers.members.title") };
}

// 人员管理: the members, their roles and certificates; the administrator adds, removes and changes roles.
export default async function MembersPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requirePageUser({ next: `/org/${orgId}/members` });
  const t = await getT();
  const overview = await orgPage(getOrganizationOverview({ userId: user.id, orgId }));
  const members = await orgPage(listMembers({ userId: user.id, orgId }));
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("orgMembers.members.title")}
        description={t("orgMembers.members.lead")}
        breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: overview.org.name, href: `/org/${orgId}` }, { label: t("orgMembers.members.title") }]}
      />
      <OrgNav orgId={orgId} />
      <MembersTable
        orgId={orgId}
        canManage={overview.can.manageMembers}
        certificatesBase={`/org/${orgId}/members`}
        members={members.map((m) => ({ id: m.id, name: m.name, phone: m.phone, role: m.role, since: m.since.toISOString(), validCertificates: m.validCertificates, isMe: m.isMe }))}
      />
      {overview.can.manageMembers && (
        <Card title={t("orgMembers.members.addTitle")} description={t("orgMembers.members.addLead")}>
          <MembersAddForm orgId={orgId} />
        </Card>
      )}
    </div>
  );
}
