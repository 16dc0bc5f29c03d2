import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getT } from "@/lib/i18n/server";
import type { loadChangeInfoStep } from "@/lib/server/orders/change-load-info-step";
import { ChangeInfoButton } from "./change-info-button";
import styles from "../wizard.module.css";

const day = (d: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

/** 证书变更 step 1: the certificate, what may change (the USCC / ID number may not), new keys, seals voided. */
export async function ChangeInfoStep({ orderId, isUnit, certificate, before, seals }: Awaited<ReturnType<typeof loadChangeInfoStep>>) {
  const t = await getT();
  const rows: Array<[string, string]> = [];
  if (certificate) rows.push([t("lifecycleChange.columns.serial"), certificate.serialHex], [t("lifecycleChange.columns.notAfter"), day(certificate.notAfter)]);
  if (before?.type === "UNIT") rows.push([t("wizard.enterprise.name"), before.name], [t("wizard.enterprise.uscc"), before.uscc], [t("wizard.enterprise.legalRepName"), before.legalRepName]);
  if (before?.type === "INDIVIDUAL") rows.push([t("wizard.person.name"), before.name]);
  return (
    <>
      <Alert tone="info" isLive={false} title={t("lifecycleChange.info.title")}>
        {t(isUnit ? "lifecycleChange.info.whatUnit" : "lifecycleChange.info.whatPerson")}
      </Alert>
      <Card title={t("lifecycleChange.info.certificate")} headingLevel={2}>
        <dl className={styles.dl} data-testid="change-info">
          {rows.map(([k, v]) => (
            <div key={k} style={{ display: "contents" }}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Alert tone="warning" isLive={false} title={t("lifecycleChange.info.rekeyTitle")} data-testid="change-rekey-warning">
        {t("lifecycleChange.info.rekey")}
      </Alert>
      <Card title={t("lifecycleChange.info.sealsTitle")} headingLevel={2}>
        {seals.length === 0 ? (
          <p data-testid="change-seals-none">{t("lifecycleChange.info.noSeals")}</p>
        ) : (
          <>
            <p>{t("lifecycleChange.info.seals")}</p>
            <ul data-testid="change-seals">
              {seals.map((s) => (
                <li key={s.id}>{s.name}</li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <ChangeInfoButton orderId={orderId} />
    </>
  );
}
