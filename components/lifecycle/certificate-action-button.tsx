"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

type StartResult = { ok: true; data: { nextPath: string } } | { ok: false; error: { message: string } };

/**
 * A lifecycle button on a certificate's row (续期, 变更, 重新申请): runs the server action that opens the
 * flow's order for that certificate, then goes to the wizard step it answers, or says why it cannot.
 */
export function CertificateActionButton({ certificateId, action, label, testId, block = false }: {
  certificateId: string;
  action: (certificateId: string) => Promise<StartResult>;
  label: string;
  testId: string;
  block?: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  async function onClick() {
    setBusy(true);
    setError(null);
    const res = await action(certificateId).catch(() => null);
    if (!res || !res.ok) {
      setBusy(false);
      return setError(res ? res.error.message : t("errors.internal"));
    }
    router.push(res.data.nextPath);
  }
  return (
    <>
      <Button size="sm" variant={block ? "outline" : undefined} block={block} onClick={onClick} isLoading={isBusy} data-testid={testId}>
        {label}
      </Button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
