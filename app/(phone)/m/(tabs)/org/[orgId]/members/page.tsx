import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/phone/phone.module.css";
import { MembersTable } from "@/components/org/members-table";
import { orgPage } from "@/components/org/org-page-guard";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { getOrganizationOverview } from "@/lib/server/org/get-organization-overview";
import { listMembers } from "@/lib/server/org/list-members";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgMembers.members.title") };
}

// 人员管理 in the app: the members; the administrator removes one after a confirmation.
export default async function PhoneMembersPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requirePhoneUser({ next: `/m/org/${orgId}/members` });
  const t = await getT();
  const overview = await orgPage(getOrganizationOverview({ userId: user.id, orgId }));
  const members = await orgPage(listMembers({ userId: user.id, orgId }));
  return (
    <>
      <header className={styles.header}>
        <Link href={`/m/org/${orgId}`} className={styles.back} aria-label={t("orgMembers.phone.back")}>‹</Link>
        <h1>{t("orgMembers.members.title")}</h1>
      </header>
      <p className={styles.note}>{overview.org.name}</p>
      <MembersTable
        orgId={orgId}
        canManage={overview.can.manageMembers}
        canChangeRole={false}
        certificatesBase={null}
        members={members.map((m) => ({ id: m.id, name: m.name, phone: m.phone, role: m.role, since: m.since.toISOString(), validCertificates: m.validCertificates, isMe: m.isMe }))}
      />
    </>
  );
}
