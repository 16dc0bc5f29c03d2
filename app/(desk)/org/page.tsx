import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listMyOrganizations } from "@/lib/server/org/list-my-organizations";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { OrgSearch } from "@/components/org/org-search";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgMembers.home.title") };
}

// 我的企业: the caller's organizations with their role, and the search that leads to 认领 or 加入.
export default async function MyOrganizationsPage() {
  const user = await requirePageUser({ next: "/org" });
  const t = await getT();
  const locale = await getLocale();
  const orgs = await listMyOrganizations({ userId: user.id });
  type Row = (typeof orgs)[number];
  return (
    <div className={styles.page}>
      <PageHeader title={t("orgMembers.home.title")} description={t("orgMembers.home.lead")} />
      <Table<Row>
        caption={t("orgMembers.home.title")}
        isCaptionHidden
        rows={orgs}
        rowKey={(o) => o.orgId}
        empty={<EmptyState title={t("orgMembers.home.empty")} description={t("orgMembers.home.emptyHint")} />}
        columns={[
          {
            key: "name",
            header: t("orgMembers.home.name"),
            cell: (o) => (
              <Link href={`/org/${o.orgId}`} data-testid="org-row">{o.name}</Link>
            ),
          },
          { key: "uscc", header: t("orgMembers.home.uscc"), cell: (o) => <span className={styles.mono}>{o.uscc}</span> },
          { key: "role", header: t("orgMembers.home.role"), cell: (o) => t(`orgMembers.roles.${o.role}`) },
          { key: "verified", header: t("orgMembers.home.status"), cell: (o) => <Badge tone={o.verified ? "success" : "neutral"}>{o.verified ? t("orgMembers.home.verified") : t("orgMembers.home.unverified")}</Badge> },
          { key: "since", header: t("orgMembers.home.since"), cell: (o) => o.memberSince.toLocaleDateString(locale) },
          { key: "open", header: t("orgMembers.members.actions"), isLabelHiddenOnPhone: true, cell: (o) => <Link href={`/org/${o.orgId}`}>{t("orgMembers.home.open")}</Link> },
        ]}
      />
      <Card title={t("orgMembers.home.searchTitle")} description={t("orgMembers.home.searchLead")}>
        <OrgSearch />
      </Card>
    </div>
  );
}
