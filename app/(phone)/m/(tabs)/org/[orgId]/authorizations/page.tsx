import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/phone/phone.module.css";
import { orgPage } from "@/components/org/org-page-guard";
import { AuthorizationGrantForm } from "@/components/org/authorization-grant-form";
import { AuthorizationTables } from "@/components/org/authorization-tables";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listAuthorizations } from "@/lib/server/org/list-authorizations";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgRequests.phone.authorizationsTitle") };
}

// 授权管理 in the app: authorizations by person, 撤销; 新增授权 opens the scan confirmation page for the letter directly.
export default async function PhoneOrgAuthorizationsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requirePhoneUser({ next: `/m/org/${orgId}/authorizations` });
  const t = await getT();
  const locale = await getLocale();
  const list = await orgPage(listAuthorizations({ userId: user.id, orgId }));
  return (
    <>
      <header className={styles.header}>
        <Link href={`/m/org/${orgId}`} className={styles.back} aria-label={t("orgRequests.phone.back")}>‹</Link>
        <h1>{t("orgRequests.phone.authorizationsTitle")}</h1>
      </header>
      <section className={styles.section}>
        <AuthorizationTables orgId={orgId} list={list} view="person" t={t} locale={locale} />
      </section>
      {list.canManage && (
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>{t("orgRequests.authorizations.grantTitle")}</h2>
          <p className={styles.note}>{t("orgRequests.authorizations.grantLead")}</p>
          <AuthorizationGrantForm orgId={orgId} members={list.members} platforms={list.platforms} isPhone />
        </section>
      )}
    </>
  );
}
