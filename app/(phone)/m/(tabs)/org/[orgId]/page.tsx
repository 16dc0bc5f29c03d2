import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import styles from "@/components/phone/phone.module.css";
import { orgPage } from "@/components/org/org-page-guard";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { getOrganizationOverview } from "@/lib/server/org/get-organization-overview";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgMembers.overview.title") };
}

// The organization in the app: details, my role, counts, and the pages the role opens.
export default async function PhoneOrganizationPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requirePhoneUser({ next: `/m/org/${orgId}` });
  const t = await getT();
  const o = await orgPage(getOrganizationOverview({ userId: user.id, orgId }));
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/org" className={styles.back} aria-label={t("orgMembers.phone.back")}>‹</Link>
        <h1>{o.org.name}</h1>
      </header>
      <div className={styles.form}>
        <Card>
          <dl className={styles.dl}>
            <div><dt>{t("orgMembers.home.uscc")}</dt><dd className={styles.mono}>{o.org.uscc}</dd></div>
            <div><dt>{t("orgMembers.overview.legalRep")}</dt><dd>{o.org.legalRepName}</dd></div>
            <div><dt>{t("orgMembers.overview.myRole")}</dt><dd data-testid="org-my-role">{t(`orgMembers.roles.${o.myRole}`)}</dd></div>
            <div><dt>{t("orgMembers.overview.members")}</dt><dd>{o.counts.members}</dd></div>
            <div><dt>{t("orgMembers.overview.validCertificates")}</dt><dd>{o.counts.validCertificates}</dd></div>
            <div><dt>{t("orgMembers.overview.openRequests")}</dt><dd>{o.counts.openRequests}</dd></div>
          </dl>
        </Card>
        <ul className={styles.menu}>
          {o.can.viewMembers && <li><Link href={`/m/org/${orgId}/members`} data-testid="org-members-link">{t("orgMembers.phone.members")}</Link></li>}
          {o.can.manageMembers && <li><Link href={`/m/org/${orgId}/requests`}>{t("orgMembers.phone.requests")}</Link></li>}
          {o.can.manageAuthorizations && <li><Link href={`/m/org/${orgId}/authorizations`}>{t("orgMembers.phone.authorizations")}</Link></li>}
          <li><Link href={`/m/org/${orgId}/seals`} data-testid="org-seals-link">{t("seals.hub.orgTitle")}</Link></li>
        </ul>
      </div>
    </>
  );
}
