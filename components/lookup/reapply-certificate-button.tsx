"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { reapplyCertificateAction } from "@/lib/actions/lookup/reapply-certificate-action";

/** 重新申请 on an expired or revoked certificate's row (desk lookup, the phone's 已失效): opens the wizard of a new, prefilled order. */
export function ReapplyCertificateButton({ certificateId, testId, block = false }: { certificateId: string; testId?: string; block?: boolean }) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  async function reapply() {
    setBusy(true);
    setError(null);
    const res = await reapplyCertificateAction(certificateId);
    if (!res.ok) {
      setBusy(false);
      return setError(res.error.message);
    }
    router.push(res.data.nextPath);
  }
  return (
    <>
      <Button size="sm" variant={block ? "outline" : undefined} block={block} onClick={reapply} isLoading={isBusy} data-testid={testId ?? `reapply-cert-${certificateId}`}>
        {t("lifecycleLookup.reapply")}
      </Button>
      {error && <p role="status">{error}</p>}
    </>
  );
}
