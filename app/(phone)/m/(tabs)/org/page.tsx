import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listMyOrganizations } from "@/lib/server/org/list-my-organizations";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgMembers.phone.title") };
}

// 我的企业 in the app: the caller's organizations and their role.
export default async function PhoneOrganizationsPage() {
  const user = await requirePhoneUser({ next: "/m/org" });
  const t = await getT();
  const orgs = await listMyOrganizations({ userId: user.id });
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/me" className={styles.back} aria-label={t("orgMembers.phone.back")}>‹</Link>
        <h1>{t("orgMembers.phone.title")}</h1>
      </header>
      {orgs.length === 0 ? (
        <EmptyState title={t("orgMembers.home.empty")} description={t("orgMembers.phone.empty")} />
      ) : (
        <ul className={styles.list}>
          {orgs.map((o) => (
            <li key={o.orgId}>
              <Link href={`/m/org/${o.orgId}`} className={styles.card} data-testid="org-card">
                <div className={styles.cardTop}>
                  <p className={styles.cardTitle}>{o.name}</p>
                  <Badge tone={o.role === "ADMIN" ? "info" : "neutral"}>{t(`orgMembers.roles.${o.role}`)}</Badge>
                </div>
                <p className={`${styles.cardMeta} ${styles.mono}`}>{o.uscc}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
