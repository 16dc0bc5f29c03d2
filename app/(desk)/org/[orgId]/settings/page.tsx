import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getOrganizationOverview } from "@/lib/server/org/get-organization-overview";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { OrgDeleteForm } from "@/components/org/org-delete-form";
import { OrgNav } from "@/components/org/org-nav";
import { orgPage } from "@/components/org/org-page-guard";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgMembers.settings.title") };
}

// 企业设置: deleting the enterprise, confirmed by its name, naming how many certificates it revokes.
export default async function OrganizationSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requirePageUser({ next: `/org/${orgId}/settings` });
  const t = await getT();
  const o = await orgPage(getOrganizationOverview({ userId: user.id, orgId }));
  if (!o.can.delete) forbidden();
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("orgMembers.settings.title")}
        breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: o.org.name, href: `/org/${orgId}` }, { label: t("orgMembers.settings.title") }]}
      />
      <OrgNav orgId={orgId} />
      <Card title={t("orgMembers.settings.deleteTitle")} description={t("orgMembers.settings.deleteLead", { count: o.counts.validCertificates })} className={styles.danger}>
        <OrgDeleteForm orgId={orgId} name={o.org.name} count={o.counts.validCertificates} />
      </Card>
    </div>
  );
}
