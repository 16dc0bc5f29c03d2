import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getT } from "@/lib/i18n/server";
import type { loadRenewInfoStep } from "@/lib/server/orders/renew-load-info-step";
import { maskIdNumber } from "@/lib/validators/mask";
import { RenewInfoButton } from "./renew-info-button";
import styles from "../wizard.module.css";

const day = (d: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

/** 续期 step 1: what is renewed, read-only (the channel does not let a renewal change the subject). */
export async function RenewInfoStep({ orderId, certificate, enterprise, person, hasApprover }: Awaited<ReturnType<typeof loadRenewInfoStep>>) {
  const t = await getT();
  const rows: Array<[string, string]> = [];
  if (certificate) {
    rows.push([t("lifecycleRenew.columns.serial"), certificate.serialHex], [t("lifecycleRenew.columns.notAfter"), day(certificate.notAfter)]);
  }
  if (enterprise) rows.push([t("wizard.enterprise.name"), enterprise.name], [t("wizard.enterprise.uscc"), enterprise.uscc]);
  if (person) rows.push([t("wizard.person.name"), person.name], [t("wizard.person.idNumber"), maskIdNumber(person.idNumber)]);
  return (
    <>
      <Alert tone="info" isLive={false} title={t("lifecycleRenew.step.title")}>
        {t("lifecycleRenew.step.lead")}
        {hasApprover ? ` ${t("lifecycleRenew.step.approver")}` : ""}
      </Alert>
      <Card title={t("lifecycleRenew.step.certificate")} headingLevel={2}>
        <dl className={styles.dl} data-testid="renew-info">
          {rows.map(([k, v]) => (
            <div key={k} style={{ display: "contents" }}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <RenewInfoButton orderId={orderId} />
    </>
  );
}
