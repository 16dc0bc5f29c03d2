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
// ?next=/m/certs/<id>/unlock[?mode=reset]: the phone app's 证书解锁 / 忘记PIN sends the holder here
// (the camera is allowed only on this page's document) and gets the passed check's id back.
const RETURN_PATH = /^\/m\/certs\/[A-Za-z0-9]{1,40}\/unlock(\?mode=reset)?$/;

export default async function FacePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ next?: string }> }) {
  const { token } = await params;
  const next = (await searchParams).next;
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
            <FaceCapture
              token={token}
              initialStatus={check.status}
              initialReason={check.failReason}
              returnHref={next && RETURN_PATH.test(next) ? `${next}${next.includes("?") ? "&" : "?"}face=${check.checkId}` : undefined}
            />
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
