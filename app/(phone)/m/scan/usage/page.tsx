import type { Metadata } from "next";
import Link from "next/link";
import { UsageList } from "@/components/scan/usage-list";
import phoneStyles from "@/components/phone/phone.module.css";
import styles from "@/components/scan/scan.module.css";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listUsageRecords } from "@/lib/server/scan/list-usage-records";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("scanner.usage") };
}

// 使用记录 on the phone (linked from 我的): the caller's own scan operations.
export default async function PhoneUsagePage() {
  const user = await requirePhoneUser({ next: "/m/scan/usage" });
  const t = await getT();
  const locale = await getLocale();
  const records = await listUsageRecords({ userId: user.id, take: 100 });
  return (
    <main className={styles.page}>
      <header className={phoneStyles.header}>
        <Link href="/m/me" className={phoneStyles.back} aria-label={t("scanner.back")}>‹</Link>
        <h1>{t("scanner.usage")}</h1>
      </header>
      <UsageList records={records} t={t} locale={locale} />
    </main>
  );
}
