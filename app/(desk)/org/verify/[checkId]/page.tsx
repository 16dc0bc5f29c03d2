import type { Metadata } from "next";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getEnterpriseVerification } from "@/lib/server/org/get-enterprise-verification";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { VerifyDeposit } from "@/components/org/verify-deposit";
import { orgPage } from "@/components/org/org-page-guard";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgMembers.verify.title") };
}

// A verification alone: the memo code while the transfer is pending, then the role it gave (管理员 / 成员).
export default async function VerifyCheckPage({ params }: { params: Promise<{ checkId: string }> }) {
  const { checkId } = await params;
  const user = await requirePageUser({ next: `/org/verify/${checkId}` });
  const t = await getT();
  const { check, enterprise, result } = await orgPage(getEnterpriseVerification({ userId: user.id, checkId }));
  return (
    <div className={styles.page}>
      <PageHeader title={t("orgMembers.verify.title")} breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: t("orgMembers.verify.title") }]} />
      <Card>
        <div className={styles.stack}>
          <dl className={styles.dl}>
            <dt>{t("orgMembers.verify.name")}</dt>
            <dd>{enterprise.name}</dd>
            <dt>{t("orgMembers.verify.uscc")}</dt>
            <dd className={styles.mono}>{enterprise.uscc}</dd>
            {check.subject.bankAccount && (
              <>
                <dt>{t("orgMembers.verify.bankAccount")}</dt>
                <dd className={styles.mono}>{check.subject.bankAccount} · {check.subject.bankName}</dd>
              </>
            )}
          </dl>
          {check.status === "PENDING" && (
            <>
              <Alert tone="info" isLive={false} title={t("orgMembers.verify.pendingTitle")}>
                <p className={styles.muted}>{t("orgMembers.verify.pendingLead", { name: enterprise.name })}</p>
              </Alert>
              <VerifyDeposit initialView={check} />
            </>
          )}
          {check.status === "PASSED" && result && (
            <div data-testid="verify-result" data-role={result.role}>
            <Alert tone="success" title={t(result.role === "ADMIN" ? "orgMembers.verify.adminTitle" : "orgMembers.verify.memberTitle")}>
              <p className={styles.muted}>{t("orgMembers.verify.resultLead", { name: result.orgName })}</p>
              <div className={styles.actions}>
                <ButtonLink href={`/org/${result.orgId}`} data-testid="verify-open-org">{t("orgMembers.verify.open")}</ButtonLink>
              </div>
            </Alert>
            </div>
          )}
          {(check.status === "FAILED" || check.status === "EXPIRED") && (
            <Alert tone="error" title={t("orgMembers.verify.failedTitle")} data-testid="verify-failed">
              <p>{check.failReason ? t(`identity.failReason.${check.failReason}` as MessageKey) : ""}</p>
              <div className={styles.actions}>
                <ButtonLink href={`/org/verify?uscc=${encodeURIComponent(enterprise.uscc)}&name=${encodeURIComponent(enterprise.name)}`} variant="outline">{t("orgMembers.verify.retry")}</ButtonLink>
              </div>
            </Alert>
          )}
        </div>
      </Card>
    </div>
  );
}
