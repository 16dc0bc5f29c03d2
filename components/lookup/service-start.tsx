import { ButtonLink } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import styles from "./lookup.module.css";

/**
 * Start panel of a desk service that acts on an existing certificate (/change, /seals) for a visitor who is
 * not logged in: log in to continue there, or find the certificate first with 证书查询 (no login), whose result
 * offers the service on each certificate; and 证书解锁. Logged in, those pages list the caller's certificates.
 */
export async function ServiceStart({ service }: { service: "change" | "seals" }) {
  const t = await getT();
  return (
    <div className={styles.form} data-testid={`service-start-${service}`}>
      <p>{t("lifecycleLookup.start.anonymous")}</p>
      <ButtonLink href={`/login?next=${encodeURIComponent(`/${service}`)}`} block size="lg">{t("lifecycleLookup.start.toLogin")}</ButtonLink>
      <ButtonLink href="/lookup" block variant="outline">{t("lifecycleLookup.start.toLookup")}</ButtonLink>
      <p className={styles.muted}>{t("lifecycleLookup.start.unlockLead")}</p>
      <ButtonLink href="/unlock" block variant="ghost">{t("lifecycleLookup.start.toUnlock")}</ButtonLink>
    </div>
  );
}
