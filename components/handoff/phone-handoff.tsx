import Link from "next/link";
import { env } from "@/lib/env";
import { getT } from "@/lib/i18n/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { splitLines } from "@/components/ui/split-lines";
import { PhoneLinkQr } from "./phone-link-qr";
import styles from "./phone-handoff.module.css";

/**
 * The desk's one "now go to your phone" card: a QR of the phone page (`/m/…`, so a scan opens the CertDesk
 * app right at that step), the same address as a link, and what to do when the app is not installed yet
 * (the app is the /m PWA: open it in the phone's browser, then add it to the home screen). On a phone the
 * link is a button, since there is nothing to scan with.
 */
export async function PhoneHandoff({ path, title, lead, testId = "phone-handoff", isBare = false }: { path: `/m${string}`; title?: string; lead?: string; testId?: string; isBare?: boolean }) {
  const t = await getT();
  const url = `${env().APP_URL.replace(/\/$/, "")}${path}`;
  const body = (
    <div className={`${styles.body} ${isBare ? styles.stacked : ""}`}>
      <figure className={styles.qr}>
        <PhoneLinkQr url={url} label={t("handoff.scan")} />
        <figcaption className={styles.muted}>{t("handoff.scan")}</figcaption>
      </figure>
      <div className={styles.side}>
        <p className={`${styles.muted} ${styles.orOpen}`}>{t("handoff.orOpen")}</p>
        <Link href={path} className={styles.mono} data-testid={`${testId}-link`}>{url}</Link>
        <div className={styles.here}>
          <ButtonLink href={path} size="sm" block>{t("handoff.openHere")}</ButtonLink>
        </div>
        <details className={styles.noApp} data-testid={`${testId}-no-app`}>
          <summary>{t("handoff.noAppTitle")}</summary>
          <ul>
            {splitLines(t("handoff.noApp")).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      </div>
    </div>
  );
  // Bare: inside a card of the page (one entry of a list), with the lead as its first line.
  if (isBare) {
    return (
      <div className={styles.bare} data-testid={testId} data-phone-url={url}>
        {lead && <p className={styles.muted}>{lead}</p>}
        {body}
      </div>
    );
  }
  return (
    <Card title={title} description={lead} data-testid={testId} data-phone-url={url}>
      {body}
    </Card>
  );
}
