"use client";
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { useT } from "@/lib/i18n/client";
import { QrScanner } from "./qr-scanner";

/** Accepts only this desk's scan links (/m/s/<token>) and opens their confirmation screen. */
export function ScanPageClient({ origin }: { origin: string }) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState("");
  const [attempt, setAttempt] = useState(0);
  const onResult = useCallback(
    (text: string) => {
      let url: URL | null = null;
      try {
        url = new URL(text, origin);
      } catch {
        url = null;
      }
      const match = url && (url.origin === origin || url.origin === window.location.origin) ? /^\/m\/s\/([A-Za-z0-9_-]{16,64})$/.exec(url.pathname) : null;
      if (!match) {
        setError(t("scanner.notOurQr"));
        // Start the camera again for the next try.
        setAttempt((a) => a + 1);
        return;
      }
      router.push(`/m/s/${match[1]}`);
    },
    [origin, router, t],
  );
  return (
    <>
      <Alert tone="error" data-testid="scan-link-error">{error}</Alert>
      <QrScanner key={attempt} onResult={onResult} />
    </>
  );
}
