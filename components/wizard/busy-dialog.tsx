"use client";
import { useEffect, useRef } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import type { BlockingOrder } from "@/lib/server/orders/subject-busy-error";
import { cancelOrderAction } from "@/lib/actions/orders/order-actions";
import { useStepAction } from "./use-step-action";
import styles from "./wizard.module.css";

const CANCELLABLE = ["DRAFT", "AWAITING_PAYMENT", "REJECTED"];

/**
 * One unfinished order per subject: the subject entered already has one. Offers to cancel the old
 * order and save this step again, or to continue the old order instead.
 */
export function BusyDialog({ blocking, subject, onCancelled }: { blocking: BlockingOrder; subject: string; onCancelled: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const { run, error, isBusy } = useStepAction();
  useEffect(() => ref.current?.focus(), []);

  async function cancelOld() {
    const done = await run(() => cancelOrderAction(blocking.id));
    if (done) onCancelled();
  }

  return (
    <div ref={ref} tabIndex={-1} role="alertdialog" aria-labelledby="busy-title" aria-describedby="busy-body" className={styles.dialog} data-testid="busy-dialog">
      <h2 id="busy-title" className={styles.dialogTitle}>
        {t("orders.busy.title")}
      </h2>
      <p id="busy-body">
        {blocking.isMine
          ? t("orders.busy.mine", { subject, no: blocking.no, status: t(`orders.status.${blocking.status}` as MessageKey) })
          : t("orders.busy.other")}
      </p>
      {error && <p className={styles.error}>{error}</p>}
      {blocking.isMine && (
        <div className={styles.actions}>
          <ButtonLink href={`/orders/${blocking.id}/resume`} variant="outline" data-testid="busy-continue-old">
            {t("orders.busy.continueOld")}
          </ButtonLink>
          {CANCELLABLE.includes(blocking.status) ? (
            <Button variant="danger" onClick={cancelOld} isLoading={isBusy} data-testid="busy-cancel-old">
              {t("orders.busy.cancelOld")}
            </Button>
          ) : (
            <p className={styles.hint}>{t("orders.busy.notCancellable")}</p>
          )}
        </div>
      )}
    </div>
  );
}
