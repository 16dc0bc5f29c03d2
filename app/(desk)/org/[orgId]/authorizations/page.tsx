import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listAuthorizations } from "@/lib/server/org/list-authorizations";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { OrgNav } from "@/components/org/org-nav";
import { orgPage } from "@/components/org/org-page-guard";
import { AuthorizationGrantForm } from "@/components/org/authorization-grant-form";
import { AuthorizationTables } from "@/components/org/authorization-tables";
import styles from "@/components/org/org-area.module.css";
import local from "@/components/org/request-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgRequests.authorizations.metaTitle") };
}

const VIEWS = ["person", "platform", "history"] as const;

// 授权管理: by person / by platform / history; 新增授权 → the letter's QR; 撤销. Members see their own.
export default async function OrgAuthorizationsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<{ view?: string }> }) {
  const { orgId } = await params;
  const { view: asked } = await searchParams;
  const view = VIEWS.find((v) => v === asked) ?? "person";
  const user = await requirePageUser({ next: `/org/${orgId}/authorizations` });
  const t = await getT();
  const locale = await getLocale();
  const list = await orgPage(listAuthorizations({ userId: user.id, orgId }));
  const label = { person: t("orgRequests.authorizations.byPerson"), platform: t("orgRequests.authorizations.byPlatform"), history: t("orgRequests.authorizations.history") };
  return (
    <div className={styles.page}>
      <PageHeader title={t("orgRequests.authorizations.title")} breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: t("orgMembers.nav.overview"), href: `/org/${orgId}` }, { label: t("orgRequests.authorizations.title") }]} />
      <OrgNav orgId={orgId} />
      {list.canManage && (
        <Card title={t("orgRequests.authorizations.grantTitle")} description={t("orgRequests.authorizations.grantLead")}>
          <AuthorizationGrantForm orgId={orgId} members={list.members} platforms={list.platforms} />
        </Card>
      )}
      <Card description={list.canManage ? undefined : t("orgRequests.authorizations.mineLead")}>
        <nav className={local.tabs} aria-label={t("orgRequests.authorizations.title")}>
          {VIEWS.map((v) => (
            <Link key={v} href={`/org/${orgId}/authorizations?view=${v}`} className={v === view ? local.tabActive : local.tab} aria-current={v === view ? "page" : undefined}>{label[v]}</Link>
          ))}
        </nav>
        <AuthorizationTables orgId={orgId} list={list} view={view} t={t} locale={locale} />
      </Card>
    </div>
  );
}
