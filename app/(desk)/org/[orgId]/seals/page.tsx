import type { Metadata } from "next";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listOrgSeals } from "@/lib/server/seals/list-seals";
import { formatDate } from "@/components/console/format";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { OrgNav } from "@/components/org/org-nav";
import { orgPage } from "@/components/org/org-page-guard";
import areaStyles from "@/components/org/org-area.module.css";
import { SealMaker } from "@/components/seals/seal-maker";
import { makerInitial } from "@/components/seals/seal-reapply";
import { holderLabel, SealTable } from "@/components/seals/seal-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("seals.hub.orgTitle") };
}

// 企业印章: the enterprise's seals (members read, with who may use each), and for the administrator / seal
// administrator the new-seal form (photo → original and processed side by side → bound certificate → review),
// the row actions and 授权使用 (grant / withdraw a member's certificate the use of an approved seal).
export default async function OrgSealsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<{ kind?: string | string[]; source?: string | string[] }> }) {
  const { orgId } = await params;
  const user = await requirePageUser({ next: `/org/${orgId}/seals` });
  const t = await getT();
  const locale = await getLocale();
  const { orgName, seals, canManage, certificates, grantable } = await orgPage(listOrgSeals({ userId: user.id, orgId }));
  const awaiting = seals.filter((s) => s.status === "AWAITING_IMAGE");
  const options = certificates.map((c) => ({
    id: c.id,
    label: t("seals.maker.certificateOption", { name: c.user?.realName ?? c.user?.name ?? c.subjectName, serial: c.serialHex.slice(0, 12), date: formatDate(c.notAfter, locale) }),
  }));
  return (
    <div className={areaStyles.page}>
      <PageHeader
        title={t("seals.hub.orgTitle")}
        breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: orgName, href: `/org/${orgId}` }, { label: t("seals.navLabel") }]}
        description={t("seals.hub.orgLead")}
        actions={<a href="/api/seals/template" className={buttonClassName({ variant: "outline" })} download>{t("seals.hub.template")}</a>}
      />
      <OrgNav orgId={orgId} />
      {awaiting.length > 0 && <Alert tone="warning" title={t("seals.order.title")} data-testid="seal-awaiting">{t("seals.order.awaiting")}</Alert>}
      <Card title={t("seals.title")}>
        <SealTable seals={seals} t={t} canManage={canManage} caption={t("seals.title")} grants={{ orgId, candidates: grantable.map((c) => ({ certificateId: c.id, label: holderLabel(t, c) })) }} />
        {!canManage && <p className={areaStyles.muted} data-testid="seal-member-hint">{t("sealGrants.memberHint")}</p>}
      </Card>
      {canManage && (
        <Card title={t("seals.maker.newOrg")} description={t("seals.hub.templateHint")}>
          {options.length > 0 ? <SealMaker mode="org" orgId={orgId} certificates={options} initial={makerInitial("org", await searchParams)} /> : <p className={areaStyles.muted}>{t("seals.hub.noCertificate")}</p>}
        </Card>
      )}
    </div>
  );
}
