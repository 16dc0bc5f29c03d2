"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { Button, ButtonLink } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { cancelOrderAction, reapplyOrderAction } from "@/lib/actions/orders/order-actions";
import styles from "./orders.module.css";

/** 继续办理 / 去支付 / 取消 / 重新申请 / 查看, as the status allows. Cancelling asks first. */
export function OrderRowActions({ order, showView = true }: { order: { id: string; no: string; status: OrderStatus }; showView?: boolean }) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function cancel() {
    if (!window.confirm(t("orders.actions.confirmCancel", { no: order.no }))) return;
    setBusy(true);
    const res = await cancelOrderAction(order.id);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    router.refresh();
  }
  async function reapply() {
    setBusy(true);
    const res = await reapplyOrderAction(order.id);
    if (!res.ok) {
      setBusy(false);
      return setError(res.error.message);
    }
    router.push(res.data.path);
  }

  const s = order.status;
  return (
    <div className={styles.actions}>
      {s === "DRAFT" && <ButtonLink href={`/orders/${order.id}/resume`} size="sm" prefetch={false} data-testid={`continue-${order.no}`}>{t("orders.actions.continue")}</ButtonLink>}
      {s === "AWAITING_PAYMENT" && <ButtonLink href={`/orders/${order.id}/resume`} size="sm" prefetch={false} data-testid={`pay-${order.no}`}>{t("orders.actions.pay")}</ButtonLink>}
      {s === "REJECTED" && <Button size="sm" onClick={reapply} isLoading={isBusy} data-testid={`reapply-${order.no}`}>{t("orders.actions.reapply")}</Button>}
      {(s === "DRAFT" || s === "AWAITING_PAYMENT" || s === "REJECTED") && (
        <Button size="sm" variant="ghost" onClick={cancel} isLoading={isBusy} data-testid={`cancel-${order.no}`}>{t("orders.actions.cancel")}</Button>
      )}
      {showView && <ButtonLink href={`/orders/${order.id}`} size="sm" variant="outline">{t("orders.actions.view")}</ButtonLink>}
      {error && <p className={styles.error} role="status">{error}</p>}
    </div>
  );
}
