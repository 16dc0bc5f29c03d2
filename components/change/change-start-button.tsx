"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { startChangeAction } from "@/lib/actions/orders/change-actions";
import { useT } from "@/lib/i18n/client";

/** 变更 on a certificate row: opens the CHANGE wizard (or says why it cannot). */
export function ChangeStartButton({ certificateId }: { certificateId: string }) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  async function onClick() {
    setBusy(true);
    setError(null);
    const res = await startChangeAction(certificateId).catch(() => null);
    setBusy(false);
    if (!res) return setError(t("errors.internal"));
    if (!res.ok) return setError(res.error.message);
    router.push(res.data.nextPath);
  }
  return (
    <>
      <Button size="sm" onClick={onClick} isLoading={isBusy} data-testid={`change-${certificateId}`}>
        {t("lifecycleChange.start")}
      </Button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
