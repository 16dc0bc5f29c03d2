"use client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useStepAction } from "@/components/wizard/use-step-action";
import { startRevokeOrderAction } from "@/lib/actions/certs/revoke-actions";
import { useT } from "@/lib/i18n/client";

/** 吊销 on a row of /revoke: opens (or resumes) the certificate's REVOKE order and goes to its first step. */
export function RevokeStartButton({ certificateId }: { certificateId: string }) {
  const t = useT();
  const { run, go, error, isBusy } = useStepAction();
  async function onClick() {
    const data = await run(() => startRevokeOrderAction(certificateId));
    if (data) go(data.path);
  }
  return (
    <>
      <Button size="sm" variant="danger" onClick={onClick} isLoading={isBusy} data-testid="revoke-start">{t("lifecycleRevoke.list.start")}</Button>
      <Alert tone="error">{error}</Alert>
    </>
  );
}
