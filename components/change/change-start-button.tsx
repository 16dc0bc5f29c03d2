"use client";
import { CertificateActionButton } from "@/components/lifecycle/certificate-action-button";
import { startChangeAction } from "@/lib/actions/orders/change-actions";
import { useT } from "@/lib/i18n/client";

/** 变更 on a certificate row: opens the CHANGE wizard (or says why it cannot). */
export function ChangeStartButton({ certificateId }: { certificateId: string }) {
  const t = useT();
  return <CertificateActionButton certificateId={certificateId} action={startChangeAction} label={t("lifecycleChange.start")} testId={`change-${certificateId}`} />;
}
