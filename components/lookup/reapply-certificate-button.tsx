"use client";
import { CertificateActionButton } from "@/components/lifecycle/certificate-action-button";
import { useT } from "@/lib/i18n/client";
import { reapplyCertificateAction } from "@/lib/actions/lookup/reapply-certificate-action";

/** 重新申请 on an expired or revoked certificate's row (desk lookup, the phone's 已失效): opens the wizard of a new, prefilled order. */
export function ReapplyCertificateButton({ certificateId, testId, block = false }: { certificateId: string; testId?: string; block?: boolean }) {
  const t = useT();
  return <CertificateActionButton certificateId={certificateId} action={reapplyCertificateAction} label={t("lifecycleLookup.reapply")} testId={testId ?? `reapply-cert-${certificateId}`} block={block} />;
}
