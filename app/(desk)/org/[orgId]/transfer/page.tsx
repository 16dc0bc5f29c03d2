import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { loadTransferPage } from "@/lib/server/org/load-transfer-page";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { OrgNav } from "@/components/org/org-nav";
import { orgPage } from "@/components/org/org-page-guard";
import { TransferPanel } from "@/components/org/transfer-panel";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgRequests.transfer.metaTitle") };
}

// 转授管理员 (administrator only): with the certificate → the transfer letter's QR; without → the paper form to the CA.
export default async function OrgTransferPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requirePageUser({ next: `/org/${orgId}/transfer` });
  const t = await getT();
  const page = await orgPage(loadTransferPage({ userId: user.id, orgId }));
  return (
    <div className={styles.page}>
      <PageHeader title={t("orgRequests.transfer.title")} description={t("orgRequests.transfer.lead")} breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: page.orgName, href: `/org/${orgId}` }, { label: t("orgRequests.transfer.title") }]} />
      <OrgNav orgId={orgId} />
      {page.openPaper && (
        <Alert tone="info" isLive={false} title={t("orgRequests.transfer.openTitle")} data-testid="transfer-open">
          {t("orgRequests.transfer.openPaper", { name: page.openPaper.targetName })}
        </Alert>
      )}
      <Card>
        {page.members.length === 0 ? <p>{t("orgRequests.transfer.noMembers")}</p> : <TransferPanel orgId={orgId} members={page.members} />}
      </Card>
    </div>
  );
}
