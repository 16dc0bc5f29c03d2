import styles from "./scan.module.css";
import type { T } from "@/lib/i18n/translate";
import type { TUsageRecord } from "@/lib/server/scan/list-usage-records";

/** 使用记录 as phone cards (the desk page uses a table). */
export function UsageList({ records, t, locale }: { records: TUsageRecord[]; t: T; locale: string }) {
  if (records.length === 0) return <p className={styles.small}>{t("scanner.usageEmpty")}</p>;
  return (
    <ul className={styles.list} data-testid="usage-list">
      {records.map((r) => (
        <li key={r.id} className={styles.row} data-testid="usage-row">
          <span className={styles.rowTop}>
            <span>{t(`scanner.opShort.${r.type}`)}{r.title ? `「${r.title}」` : ""}</span>
            <span className={r.result === "completed" ? undefined : styles.muted}>{t(`scanner.usageResult.${r.result}`)}</span>
          </span>
          <span className={styles.muted}>
            {locale === "en" ? r.platformEn : r.platform} · {new Date(r.at).toLocaleString(locale)}
            {r.viaSession ? ` · ${t("scanner.viaSession")}` : ""}
          </span>
          {r.serialHex && <span className={`${styles.mono} ${styles.muted}`}>{r.serialHex}</span>}
        </li>
      ))}
    </ul>
  );
}
