import type { Metadata } from "next";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { loadLegalRepPage } from "@/lib/server/org/load-legal-rep-page";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { OrgNav } from "@/components/org/org-nav";
import { RequestCards } from "@/components/org/request-cards";
import { RequestLegalRepForm } from "@/components/org/request-legal-rep-form";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgRequests.legalRep.metaTitle") };
}

// 法定代表人: verify as the enterprise's legal representative, then approve (审核查看) joins and certificate requests.
export default async function OrgLegalRepPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requirePageUser({ next: `/org/${orgId}/legal-rep` });
  const t = await getT();
  const locale = await getLocale();
  const page = await loadLegalRepPage({ userId: user.id, orgId });
  return (
    <div className={styles.page}>
      <PageHeader title={t("orgRequests.legalRep.title")} description={page.orgName ?? t("orgRequests.legalRep.lead")} breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: t("orgRequests.legalRep.title") }]} />
      {page.role && <OrgNav orgId={orgId} />}
      {page.role === "LEGAL_REP" ? (
        <Card title={t("orgRequests.requests.pendingTitle")} description={t("orgRequests.legalRep.lead")} data-testid="legal-rep-pending">
          {page.pending.length === 0 ? <EmptyState title={t("orgRequests.requests.pendingEmpty")} /> : <RequestCards orgId={orgId} requests={page.pending} t={t} locale={locale} canDecide />}
        </Card>
      ) : page.role ? (
        <Alert tone="info" isLive={false}>{t("orgRequests.legalRep.otherRole", { role: t(`orgMembers.roles.${page.role}` as MessageKey) })}</Alert>
      ) : (
        <Card title={t("orgRequests.legalRep.verifyTitle")} description={t("orgRequests.legalRep.verifyLead")}>
          <RequestLegalRepForm orgId={orgId} />
        </Card>
      )}
    </div>
  );
}
