import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { loadJoinPage } from "@/lib/server/org/load-join-page";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RequestJoinForm } from "@/components/org/request-join-form";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgRequests.join.metaTitle") };
}

// 加入企业: the enterprise search (/org) links here with ?uscc= when the enterprise is registered.
export default async function JoinOrganizationPage({ searchParams }: { searchParams: Promise<{ uscc?: string }> }) {
  const { uscc } = await searchParams;
  const prefilled = typeof uscc === "string" ? uscc.trim().slice(0, 18) : "";
  const user = await requirePageUser({ next: `/org/join${prefilled ? `?uscc=${encodeURIComponent(prefilled)}` : ""}` });
  const t = await getT();
  const { isVerified, platforms } = await loadJoinPage({ userId: user.id });
  return (
    <div className={styles.page}>
      <PageHeader title={t("orgRequests.join.title")} description={t("orgRequests.join.lead")} breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: t("orgRequests.join.title") }]} />
      <Card>
        {isVerified ? (
          <RequestJoinForm uscc={prefilled} platforms={platforms} />
        ) : (
          <Alert tone="warning" isLive={false} data-testid="join-not-verified">
            <p>{t("orgRequests.join.notVerified")}</p>
            <ButtonLink href="/account" size="sm" variant="outline">{t("orgRequests.join.verifyNow")}</ButtonLink>
          </Alert>
        )}
      </Card>
    </div>
  );
}
