import { ButtonLink } from "@/components/ui/button";
import { getLocale, getT } from "@/lib/i18n/server";
import styles from "./scan.module.css";

/**
 * The phone's answer when none of the holder's certificates may be used on the requesting platform
 * (an enterprise certificate without the organization's authorization): the request is already
 * refused and the platform told, so there is nothing to confirm.
 */
export async function ScanRefused({ platform, reason }: { platform: { name: string; nameEn: string | null }; reason: "not_authorized_for_platform" | "not_a_member" }) {
  const t = await getT();
  const locale = await getLocale();
  const name = locale === "en" ? (platform.nameEn ?? platform.name) : platform.name;
  return (
    <div className={styles.result} data-testid="scan-result" data-outcome="refused" data-reason={reason}>
      <div className={styles.resultIconNo} aria-hidden>!</div>
      <h2 data-testid="scan-refused-title">{reason === "not_a_member" ? t("scanner.errors.notAMember") : t("scanner.refused.title")}</h2>
      <p className={styles.refusedPlatform} data-testid="scan-platform">{name}</p>
      <p data-testid="scan-refused">{reason === "not_a_member" ? t("scanner.refused.notMember") : t("scanner.refused.lead", { platform: name })}</p>
      {reason === "not_authorized_for_platform" && <p className={styles.small}>{t("scanner.refused.hint")}</p>}
      <div className={styles.actions}>
        <ButtonLink href="/m/scan" variant="secondary" block>{t("scanner.scanAgain")}</ButtonLink>
        <ButtonLink href="/m" variant="ghost" block>{t("scanner.back")}</ButtonLink>
      </div>
    </div>
  );
}
