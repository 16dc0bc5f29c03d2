"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, useConfirm } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { markShipmentDeliveredAction, shipShipmentAction } from "@/lib/actions/shipping/shipment-actions";
import { CARRIERS, ZShipSchema, type TShip } from "@/lib/server/shipping/shipment.types";

/** 发货管理's row action: 发货 (a dialog for the carrier and tracking number) while 待发货, 标记已签收 once shipped. */
export function ShipButton({ shipmentId, orderNo, status }: { shipmentId: string; orderNo: string; status: "PENDING" | "SHIPPED" | "DELIVERED" }) {
  const t = useT();
  const msg = useMessage();
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const form = useForm<TShip>({ resolver: zodResolver(ZShipSchema) as never, defaultValues: { carrier: "" as never, trackingNo: "" } });
  const errors = form.formState.errors;
  const ship = form.handleSubmit(async (values) => {
    setError(null);
    const res = await shipShipmentAction(shipmentId, values);
    if (!res.ok) {
      if (!applyFieldErrors(form.setError, res.error)) setError(res.error.message);
      return;
    }
    setOpen(false);
    setNotice(t("shipping.console.shipped", { no: orderNo, carrier: t(`shipping.carriers.${res.data.carrier}`), trackingNo: res.data.trackingNo }));
    router.refresh();
  });
  async function deliver() {
    if (!(await confirm({ title: t("shipping.console.deliverTitle", { no: orderNo }), body: null, confirmLabel: t("shipping.console.deliver") }))) return;
    const res = await markShipmentDeliveredAction(shipmentId);
    if (!res.ok) return setError(res.error.message);
    setNotice(t("shipping.console.delivered", { no: orderNo }));
    router.refresh();
  }
  return (
    <>
      {notice && <Alert tone="success" data-testid="ship-notice">{notice}</Alert>}
      {error && !isOpen && <Alert tone="error">{error}</Alert>}
      {status === "PENDING" && <Button size="sm" onClick={() => setOpen(true)} data-testid={`ship-${orderNo}`}>{t("shipping.console.ship")}</Button>}
      {status === "SHIPPED" && <Button size="sm" variant="outline" onClick={deliver} data-testid={`deliver-${orderNo}`}>{t("shipping.console.deliver")}</Button>}
      {dialog}
      <Dialog
        isOpen={isOpen}
        onClose={() => setOpen(false)}
        title={t("shipping.console.shipTitle", { no: orderNo })}
        data-testid="ship-dialog"
        footer={
          <>
            <Button variant="outline" onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
            <Button onClick={ship} isLoading={form.formState.isSubmitting} data-testid="ship-confirm">{t("shipping.console.confirmShip")}</Button>
          </>
        }
      >
        <form noValidate onSubmit={ship} style={{ display: "grid", gap: "var(--space-3)" }}>
          {error && <Alert tone="error">{error}</Alert>}
          <Field label={t("shipping.card.carrier")} error={msg(errors.carrier?.message)} isRequired>
            <Select {...form.register("carrier")} placeholder="" options={CARRIERS.map((c) => ({ value: c, label: t(`shipping.carriers.${c}`) }))} data-testid="ship-carrier" />
          </Field>
          <Field label={t("shipping.card.trackingNo")} error={msg(errors.trackingNo?.message)} isRequired>
            <Input {...form.register("trackingNo")} maxLength={30} autoComplete="off" data-testid="ship-tracking" data-autofocus />
          </Field>
        </form>
      </Dialog>
    </>
  );
}
