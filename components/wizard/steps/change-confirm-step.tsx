import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getT } from "@/lib/i18n/server";
import type { loadChangeConfirmStep } from "@/lib/server/orders/change-load-confirm-step";
import { ChangeRowsTable } from "@/components/wizard/change-rows-table";
import { ChangeConfirmForm } from "./change-confirm-form";

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** 证书变更's confirmation: old against new, the fee, the seals to be voided, the warning to acknowledge. */
export async function ChangeConfirmStep({ orderId, serialHex, rows, priceFen, seals, backHref }: Awaited<ReturnType<typeof loadChangeConfirmStep>>) {
  const t = await getT();
  return (
    <>
      <Alert tone="info" isLive={false} title={t("lifecycleChange.confirm.title")}>
        {t("lifecycleChange.confirm.lead")}
      </Alert>
      <Card title={t("lifecycleChange.info.certificate")} description={serialHex} headingLevel={2}>
        <ChangeRowsTable rows={rows} t={t} />
        <p data-testid="change-price">
          {t("lifecycleChange.confirm.price")}：{priceFen === 0 ? t("lifecycleChange.confirm.free") : yuan(priceFen)}
        </p>
      </Card>
      <Alert tone="warning" isLive={false} title={t("lifecycleChange.info.rekeyTitle")}>
        <p>{t("lifecycleChange.info.rekey")}</p>
        {seals.length > 0 && (
          <p data-testid="change-confirm-seals">
            {t("lifecycleChange.info.seals")} {seals.map((s) => s.name).join("、")}
          </p>
        )}
      </Alert>
      <ChangeConfirmForm orderId={orderId} backHref={backHref} />
    </>
  );
}
