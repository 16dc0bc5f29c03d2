import type { Metadata } from "next";
import Link from "next/link";
import { ScanConfirm } from "@/components/scan/scan-confirm";
import { ScanRefused } from "@/components/scan/scan-refused";
import { ButtonLink } from "@/components/ui/button";
import phoneStyles from "@/components/phone/phone.module.css";
import styles from "@/components/scan/scan.module.css";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("scanner.confirmTitle") };
}

// The QR's own URL: opened by the in-app scanner or by any phone camera. Opening it is the scan
// (the request is bound to this user), so it renders the confirmation directly.
export default async function ScanTokenPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requirePhoneUser({ next: `/m/s/${token}` });
  const t = await getT();
  let body;
  try {
    const valid = /^[A-Za-z0-9_-]{16,64}$/.test(token);
    if (!valid) throw new Error("scanner.errors.badQr");
    const request = await openScanForPhone({ userId: user.id, token });
    body = request.refused ? <ScanRefused platform={request.platform} reason={request.refused} /> : <ScanConfirm request={request} />;
  } catch (err) {
    const key = (isAppError(err) ? err.userMessage : "scanner.errors.badQr") as MessageKey;
    body = (
      <div className={styles.result} data-testid="scan-result" data-outcome="failed">
        <div className={styles.resultIconNo} aria-hidden>!</div>
        <h2>{t("scanner.failed")}</h2>
        <p data-testid="scan-failure">{t(key)}</p>
        <div className={styles.actions}>
          <ButtonLink href="/m/scan" variant="secondary" block>{t("scanner.scanAgain")}</ButtonLink>
          <ButtonLink href="/m" variant="ghost" block>{t("scanner.back")}</ButtonLink>
        </div>
      </div>
    );
  }
  return (
    <main className={styles.page}>
      <header className={phoneStyles.header}>
        <Link href="/m/scan" className={phoneStyles.back} aria-label={t("scanner.back")}>‹</Link>
        <h1>{t("scanner.confirmTitle")}</h1>
      </header>
      {body}
    </main>
  );
}
