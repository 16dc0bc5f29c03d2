"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { phoneApi } from "@/lib/phone/phone-api";

export function MarkReadButton({ label }: { label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      isLoading={busy}
      onClick={async () => {
        setBusy(true);
        await phoneApi("/api/m/inbox/read", {}).catch(() => undefined);
        setBusy(false);
        router.refresh();
      }}
    >
      {label}
    </Button>
  );
}
