"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { TextField } from "@/components/wizard/text-field";
import { useT } from "@/lib/i18n/client";
import { changeShippingAddressAction } from "@/lib/actions/shipping/shipment-actions";
import { ZShippingAddressSchema, type Carrier, type TShippingAddress } from "@/lib/server/shipping/shipment.types";
import styles from "./shipment-card.module.css";

export type ShipmentView = {
  status: "PENDING" | "SHIPPED" | "DELIVERED";
  recipient: string;
  phone: string;
  address: string;
  carrier: Carrier | null;
  trackingNo: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
};

const TONE: Record<ShipmentView["status"], BadgeTone> = { PENDING: "warning", SHIPPED: "info", DELIVERED: "success" };

/** USB Key 配送 on the desk's order page and the phone: status, carrier, tracking number; the address changes while 待发货. */
export function ShipmentCard({ orderId, shipment }: { orderId: string; shipment: ShipmentView }) {
  const t = useT();
  const router = useRouter();
  const [isEditing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TShippingAddress>({ resolver: zodResolver(ZShippingAddressSchema), defaultValues: { recipient: shipment.recipient, phone: shipment.phone, address: shipment.address } });
  const save = form.handleSubmit(async (values) => {
    setError(null);
    const res = await changeShippingAddressAction(orderId, values);
    if (!res.ok) {
      if (!applyFieldErrors(form.setError, res.error)) setError(res.error.message);
      router.refresh();
      return;
    }
    setEditing(false);
    setNotice(t("shipping.card.saved"));
    router.refresh();
  });
  const rows: Array<[string, string | null, string]> = [
    [t("shipping.card.carrier"), shipment.carrier ? t(`shipping.carriers.${shipment.carrier}`) : null, "carrier"],
    [t("shipping.card.trackingNo"), shipment.trackingNo, "tracking-no"],
    [t("shipping.card.shippedAt"), shipment.shippedAt, "shipped-at"],
    [t("shipping.card.deliveredAt"), shipment.deliveredAt, "delivered-at"],
    [t("shipping.card.recipient"), shipment.recipient, "recipient"],
    [t("shipping.card.phone"), shipment.phone, "phone"],
    [t("shipping.card.address"), shipment.address, "address"],
  ];
  return (
    <div className={styles.card} data-testid="shipment">
      <p className={styles.status}>
        <span>{t("shipping.card.status")}</span>
        <Badge tone={TONE[shipment.status]}><span data-testid="shipment-status">{t(`shipping.status.${shipment.status}`)}</span></Badge>
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      {isEditing ? (
        <form noValidate onSubmit={save} className={styles.form} data-testid="shipment-address-form">
          <TextField form={form} name="recipient" label={t("shipping.card.recipient")} maxLength={40} />
          <TextField form={form} name="phone" label={t("shipping.card.phone")} inputMode="numeric" maxLength={11} />
          <TextField form={form} name="address" label={t("shipping.card.address")} maxLength={200} />
          <div className={styles.actions}>
            <Button type="button" variant="outline" size="sm" onClick={() => setEditing(false)}>{t("shipping.card.cancel")}</Button>
            <Button type="submit" size="sm" isLoading={form.formState.isSubmitting} data-testid="shipment-address-save">{t("shipping.card.save")}</Button>
          </div>
        </form>
      ) : (
        <dl className={styles.dl}>
          {rows.filter(([, v]) => v).map(([k, v, id]) => (
            <div key={id} className={styles.row}>
              <dt>{k}</dt>
              <dd data-testid={`shipment-${id}`}>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className={styles.note}>{shipment.status === "PENDING" ? t("shipping.card.pendingNote") : t("shipping.card.lockedNote")}</p>
      {shipment.status === "PENDING" && !isEditing && (
        <Button variant="outline" size="sm" onClick={() => { setNotice(null); setEditing(true); }} data-testid="shipment-address-edit">{t("shipping.card.edit")}</Button>
      )}
    </div>
  );
}
