"use client";
import { CertificateActionButton } from "@/components/lifecycle/certificate-action-button";
import { startRenewalAction } from "@/lib/actions/orders/renew-actions";
import { useT } from "@/lib/i18n/client";

/** 续期 on a certificate row: opens the RENEW wizard (or says why it cannot). */
export function RenewStartButton({ certificateId }: { certificateId: string }) {
  const t = useT();
  return <CertificateActionButton certificateId={certificateId} action={startRenewalAction} label={t("lifecycleRenew.renew")} testId={`renew-${certificateId}`} />;
}
