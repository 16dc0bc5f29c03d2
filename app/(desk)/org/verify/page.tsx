import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { VerifyForm } from "@/components/org/verify-form";
import styles from "@/components/org/org-area.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgMembers.verify.title") };
}

// 仅认证企业（对公打款）: the enterprise search (/org) links here with ?uscc=&name=.
export default async function VerifyOrganizationPage({ searchParams }: { searchParams: Promise<{ uscc?: string; name?: string }> }) {
  const sp = await searchParams;
  const uscc = typeof sp.uscc === "string" ? sp.uscc.trim().slice(0, 18) : "";
  const name = typeof sp.name === "string" ? sp.name.trim().slice(0, 100) : "";
  await requirePageUser({ next: `/org/verify${uscc ? `?uscc=${encodeURIComponent(uscc)}&name=${encodeURIComponent(name)}` : ""}` });
  const t = await getT();
  return (
    <div className={styles.page}>
      <PageHeader title={t("orgMembers.verify.title")} description={t("orgMembers.verify.lead")} breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: t("orgMembers.verify.title") }]} />
      <Card>
        <VerifyForm name={name} uscc={uscc} />
      </Card>
    </div>
  );
}
