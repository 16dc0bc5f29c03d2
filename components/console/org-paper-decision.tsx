"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { useMessage } from "@/components/forms/use-message";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { useT } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/http/action-result";
import { ZPaperTransferRejectSchema, type TPaperTransferReject } from "@/lib/server/org/console-org.types";
import controlStyles from "@/components/ui/control.module.css";
import styles from "./console.module.css";

type Decide = (input: unknown) => Promise<ActionResult<{ requestId: string; status: "APPROVED" | "REJECTED" }>>;

/** 批准转授 (after a confirmation) / 驳回 (reason required) of a paper administrator transfer; the page refreshes after. */
export function OrgPaperDecision({ requestId, canApprove, decide }: { requestId: string; canApprove: boolean; decide: Decide }) {
  const t = useT();
  const msg = useMessage();
  const router = useRouter();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isApproving, setApproving] = useState(false);
  const { confirm, dialog } = useConfirm();
  const form = useForm<TPaperTransferReject>({ resolver: zodResolver(ZPaperTransferRejectSchema), defaultValues: { requestId, reason: "" } });

  async function onApprove() {
    if (!(await confirm({ title: t("orgConsole.request.approve"), body: t("orgConsole.request.approveConfirm"), confirmLabel: t("orgConsole.request.approve") }))) return;
    setApproving(true);
    const res = await decide({ requestId, decision: "approve" });
    setApproving(false);
    if (!res.ok) return setResult({ tone: "error", text: res.error.message });
    setResult({ tone: "success", text: t("orgConsole.request.approved") });
    router.refresh();
  }

  const onReject = form.handleSubmit(async (values) => {
    const body = <><p>{t("orgConsole.request.rejectConfirm")}</p><blockquote className={styles.quote}>{values.reason.trim()}</blockquote></>;
    if (!(await confirm({ title: t("orgConsole.request.reject"), body, confirmLabel: t("orgConsole.request.reject"), tone: "danger" }))) return;
    const res = await decide({ ...values, decision: "reject" });
    if (!res.ok) {
      if (!applyFieldErrors(form.setError, res.error)) setResult({ tone: "error", text: res.error.message });
      return;
    }
    form.reset({ requestId, reason: "" });
    setResult({ tone: "success", text: t("orgConsole.request.rejected") });
    router.refresh();
  });

  return (
    <div className={styles.form}>
      {dialog}
      <Alert tone={result?.tone === "error" ? "error" : "success"} data-testid="decision-result">{result?.text}</Alert>
      {canApprove && (
        <Button block size="lg" onClick={onApprove} isLoading={isApproving} data-testid="approve">
          {t("orgConsole.request.approve")}
        </Button>
      )}
      <form noValidate onSubmit={onReject} className={styles.form}>
        <Field label={t("orgConsole.request.reason")} hint={t("orgConsole.request.reasonHint")} error={msg(form.formState.errors.reason?.message)} isRequired>
          <textarea {...form.register("reason")} rows={4} maxLength={500} className={controlStyles.control} data-testid="reject-reason" />
        </Field>
        <Button type="submit" variant="danger" block isLoading={form.formState.isSubmitting} data-testid="reject">
          {t("orgConsole.request.reject")}
        </Button>
      </form>
    </div>
  );
}
