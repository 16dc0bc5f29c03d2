"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useMessage } from "@/components/forms/use-message";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { useT } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/http/action-result";
import type { ApproveResult } from "@/lib/server/reviews/approve-order";
import { ZRejectOrderSchema, type TRejectOrder } from "@/lib/server/reviews/review.types";
import controlStyles from "@/components/ui/control.module.css";
import styles from "./console.module.css";

type Props = {
  orderId: string;
  canApprove: boolean;
  canReject: boolean;
  canReceivePaper: boolean;
  approve: (input: unknown) => Promise<ActionResult<ApproveResult>>;
  reject: (input: unknown) => Promise<ActionResult<{ outcome: "REJECTED" }>>;
  receivePaper: (input: unknown) => Promise<ActionResult<{ outcome: "IN_REVIEW" }>>;
  /** The order's steps a rejection's reason can concern (REJECT_STEPS of its wizard), labelled. */
  rejectSteps?: ReadonlyArray<{ value: string; label: string }>;
};

/**
 * 审核通过 / 驳回 (reason required) / 已收到纸质材料, each a server action; the page refreshes after. Both decisions
 * ask first in a dialog that says what is decided (a 驳回 shows the reason the applicant will read).
 */
export function ReviewDecisionForm({ orderId, canApprove, canReject, canReceivePaper, approve, reject, receivePaper, rejectSteps = [] }: Props) {
  const t = useT();
  const msg = useMessage();
  const router = useRouter();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState<"approve" | "paper" | null>(null);
  const { confirm, dialog } = useConfirm();
  const form = useForm<TRejectOrder>({ resolver: zodResolver(ZRejectOrderSchema), defaultValues: { orderId, reason: "" } });

  async function onApprove() {
    if (!(await confirm({ title: t("review.order.approve"), body: t("review.order.approveConfirm"), confirmLabel: t("review.order.approve") }))) return;
    setBusy("approve");
    const res = await approve({ orderId });
    setBusy(null);
    if (!res.ok) return setResult({ tone: "error", text: res.error.message });
    setResult({ tone: "success", text: t(res.data.outcome === "APPROVED" ? "review.order.approved" : "review.order.approvedFirst") });
    router.refresh();
  }

  async function onPaper() {
    setBusy("paper");
    const res = await receivePaper({ orderId });
    setBusy(null);
    if (!res.ok) return setResult({ tone: "error", text: res.error.message });
    setResult({ tone: "success", text: t("review.order.paperReceived") });
    router.refresh();
  }

  const onReject = form.handleSubmit(async (values) => {
    const step = rejectSteps.find((s) => s.value === values.step)?.label;
    const body = (
      <>
        <p>{t("review.order.rejectConfirm")}</p>
        <blockquote className={styles.quote} data-testid="confirm-reason">{values.reason.trim()}</blockquote>
        {step && <p className={styles.muted}>{t("review.order.rejectConfirmStep", { step })}</p>}
      </>
    );
    if (!(await confirm({ title: t("review.order.rejectSubmit"), body, confirmLabel: t("review.order.rejectSubmit"), tone: "danger" }))) return;
    const res = await reject(values);
    if (!res.ok) {
      if (!applyFieldErrors(form.setError, res.error)) setResult({ tone: "error", text: res.error.message });
      return;
    }
    form.reset({ orderId, reason: "" });
    setResult({ tone: "success", text: t("review.order.rejected") });
    router.refresh();
  });

  return (
    <div className={styles.form}>
      {dialog}
      <Alert tone={result?.tone === "error" ? "error" : "success"} data-testid="decision-result">{result?.text}</Alert>
      {canReceivePaper && (
        <div className={styles.form}>
          <p className={styles.muted}>{t("review.order.receivePaperHint")}</p>
          <Button variant="secondary" onClick={onPaper} isLoading={busy === "paper"} data-testid="receive-paper">
            {t("review.order.receivePaper")}
          </Button>
        </div>
      )}
      {canApprove && (
        <Button block size="lg" onClick={onApprove} isLoading={busy === "approve"} data-testid="approve">
          {t("review.order.approve")}
        </Button>
      )}
      {canReject && (
        <form noValidate onSubmit={onReject} className={styles.form}>
          <Field label={t("review.order.reason")} hint={t("review.order.reasonHint")} error={msg(form.formState.errors.reason?.message)} isRequired>
            <textarea {...form.register("reason")} rows={4} maxLength={500} className={controlStyles.control} data-testid="reject-reason" />
          </Field>
          {rejectSteps.length > 0 && (
            <Field label={t("review.order.rejectStep")} hint={t("review.order.rejectStepHint")} error={msg(form.formState.errors.step?.message)}>
              <Select {...form.register("step")} options={rejectSteps} placeholder={t("review.order.rejectStepNone")} data-testid="reject-step" />
            </Field>
          )}
          <Button type="submit" variant="danger" block isLoading={form.formState.isSubmitting} data-testid="reject">
            {t("review.order.rejectSubmit")}
          </Button>
        </form>
      )}
    </div>
  );
}
