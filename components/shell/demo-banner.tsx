import { getT } from "@/lib/i18n/server";
import { isDemoMode } from "@/lib/env";
import styles from "./demo-banner.module.css";

/**
 * On every page of a demo desk (CERTDESK_DEMO): messages go to the public outbox, so nothing here
 * may be used for real business. Rendered by the root layout; nothing outside demo mode.
 */
export async function DemoBanner() {
  if (!isDemoMode()) return null;
  const t = await getT();
  return (
    <aside className={styles.banner} aria-label={t("shell.demoBanner.label")} data-testid="demo-banner">
      <span className={styles.text}>{t("shell.demoBanner.text")}</span>
      {/* A plain link: the outbox may sit in another route group than the current page. */}
      <a href="/dev/outbox" className={styles.link}>
        {t("shell.demoBanner.outbox")}
      </a>
    </aside>
  );
}
