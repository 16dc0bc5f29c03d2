import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/phone/phone.module.css";
import { EmptyState } from "@/components/ui/empty-state";
import { orgPage } from "@/components/org/org-page-guard";
import { RequestCards } from "@/components/org/request-cards";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listOrgRequests } from "@/lib/server/org/list-org-requests";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgRequests.phone.requestsTitle") };
}

// 审核 in the app: requests waiting for me; 同意 opens the scan confirmation page for the letter directly (PIN there), 拒绝 with a reason.
export default async function PhoneOrgRequestsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requirePhoneUser({ next: `/m/org/${orgId}/requests` });
  const t = await getT();
  const locale = await getLocale();
  const lists = await orgPage(listOrgRequests({ userId: user.id, orgId }));
  return (
    <>
      <header className={styles.header}>
        <Link href={`/m/org/${orgId}`} className={styles.back} aria-label={t("orgRequests.phone.back")}>‹</Link>
        <h1>{t("orgRequests.phone.requestsTitle")}</h1>
      </header>
      <p className={styles.note}>{lists.orgName}</p>
      <section className={styles.section}>
        <h2 className={styles.sectionTitle}>{t("orgRequests.requests.pendingTitle")}</h2>
        {lists.pending.length === 0 ? <EmptyState title={t("orgRequests.requests.pendingEmpty")} /> : <RequestCards orgId={orgId} requests={lists.pending} t={t} locale={locale} canDecide isPhone />}
      </section>
      {lists.mine.length > 0 && (
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>{t("orgRequests.requests.mineTitle")}</h2>
          <RequestCards orgId={orgId} requests={lists.mine} t={t} locale={locale} isPhone />
        </section>
      )}
    </>
  );
}
