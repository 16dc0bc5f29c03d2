import type { Metadata } from "next";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { loadRequestsPage } from "@/lib/server/org/load-requests-page";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { OrgNav } from "@/components/org/org-nav";
import { orgPage } from "@/components/org/org-page-guard";
import { RequestCards } from "@/components/org/request-cards";
import { RequestCertForm } from "@/components/org/request-cert-form";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgRequests.requests.metaTitle") };
}

// 申请审核: what waits for me by role (同意 → the authorization letter's QR; 拒绝 with a reason), my own requests,
// and 申领企业证书 for myself.
export default async function OrgRequestsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requirePageUser({ next: `/org/${orgId}/requests` });
  const t = await getT();
  const locale = await getLocale();
  const page = await orgPage(loadRequestsPage({ userId: user.id, orgId }));
  return (
    <div className={styles.page}>
      <PageHeader title={t("orgRequests.requests.title")} description={page.orgName} breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: page.orgName, href: `/org/${orgId}` }, { label: t("orgRequests.requests.title") }]} />
      {page.role && <OrgNav orgId={orgId} />}
      {page.role && (
        <Card title={t("orgRequests.requests.pendingTitle")} data-testid="requests-pending">
          {page.pending.length === 0 ? <EmptyState title={t("orgRequests.requests.pendingEmpty")} /> : <RequestCards orgId={orgId} requests={page.pending} t={t} locale={locale} canDecide />}
        </Card>
      )}
      {page.canRequestCert && (
        <Card title={t("orgRequests.requests.certTitle")} description={t("orgRequests.requests.certLead")}>
          <RequestCertForm orgId={orgId} platforms={page.platforms} />
        </Card>
      )}
      <Card title={t("orgRequests.requests.mineTitle")} data-testid="requests-mine">
        {page.mine.length === 0 ? <EmptyState title={t("orgRequests.requests.mineEmpty")} /> : <RequestCards orgId={orgId} requests={page.mine} t={t} locale={locale} />}
      </Card>
    </div>
  );
}
