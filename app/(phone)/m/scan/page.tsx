import type { Metadata } from "next";
import Link from "next/link";
import { ScanPageClient } from "@/components/scan/scan-page-client";
import phoneStyles from "@/components/phone/phone.module.css";
import styles from "@/components/scan/scan.module.css";
import { env } from "@/lib/env";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("scanner.title") };
}

// 扫一扫: full screen without the tab bar; the scanned link opens /m/s/<token>.
export default async function ScanPage() {
  await requirePhoneUser({ next: "/m/scan" });
  const t = await getT();
  return (
    <main className={styles.page}>
      <header className={phoneStyles.header}>
        <Link href="/m" className={phoneStyles.back} aria-label={t("scanner.back")}>‹</Link>
        <h1>{t("scanner.title")}</h1>
      </header>
      <ScanPageClient origin={env().APP_URL} />
      <p className={styles.links}>
        <Link href="/m/scan/sessions">{t("scanner.sessions")}</Link>
        <Link href="/m/scan/usage">{t("scanner.usage")}</Link>
      </p>
    </main>
  );
}
