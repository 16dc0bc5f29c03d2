import type { Metadata } from "next";
import { LogoMark } from "@/components/shell/logo-mark";
import { getT } from "@/lib/i18n/server";
import { findFaceCheck } from "@/lib/server/identity/find-face-check";
import { FaceCapture } from "./face-capture";
import styles from "./face.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  // The token is a credential: keep the page out of search engines and referrers.
  return { title: t("identity.facePage.metaTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

// /m/face/[token] — the phone page where the legal representative (or the applicant) does the face check
export default async function FacePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, check] = await Promise.all([getT(), findFaceCheck({ token })]);
  return (
    <div className={styles.page}>
      <main className={styles.phone}>
        <div className={styles.brand}>
          <LogoMark /> {t("common.appName")}
        </div>
        {check ? (
          <>
            <h1 className={styles.title}>{t("identity.facePage.title")}</h1>
            {check.status === "PENDING" && <p className={styles.lead}>{t("identity.facePage.lead", { name: check.name })}</p>}
            <FaceCapture token={token} initialStatus={check.status} initialReason={check.failReason} />
          </>
        ) : (
          <div className={styles.result}>
            <h1 className={styles.title}>{t("identity.facePage.notFoundTitle")}</h1>
            <p className={styles.lead}>{t("identity.facePage.notFoundBody")}</p>
          </div>
        )}
      </main>
    </div>
  );
}
