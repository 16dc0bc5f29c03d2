import type { Metadata } from "next";
import { LogoMark } from "@/components/shell/logo-mark";
import { getT } from "@/lib/i18n/server";
import styles from "@/app/m/face/[token]/face.module.css";
import { CancelResetButton } from "./cancel-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  // The token is a credential: keep the page out of search engines and referrers.
  return { title: t("phone.pinReset.metaTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

// /m/pin-reset/cancel/[token] — the link in the PIN-reset notice: cancels the pending reset, no login
export default async function CancelPinResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getT();
  return (
    <div className={styles.page}>
      <main className={styles.phone}>
        <div className={styles.brand}>
          <LogoMark /> {t("common.appName")}
        </div>
        <h1 className={styles.title}>{t("phone.pinReset.cancelTitle")}</h1>
        <p className={styles.lead}>{t("phone.pinReset.cancelLead")}</p>
        <CancelResetButton token={token} />
      </main>
    </div>
  );
}
