"use client";
import { useCallback, useEffect, useState } from "react";
import type { IdentityCheckView } from "@/lib/server/identity/identity-check-view";

export type ClientCheckView = IdentityCheckView & { sandboxBankUrl?: string };

/**
 * A check's live state: loaded once, then followed through the server-sent events stream while it
 * is pending (the phone finishes a face check in another request). Falls back to polling when the
 * stream is unavailable (an old proxy that buffers).
 */
export function useIdentityCheck(checkId: string, initialView?: ClientCheckView) {
  const [view, setView] = useState<ClientCheckView | null>(initialView ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const res = await fetch(`/api/identity-checks/${checkId}`, { cache: "no-store" });
    const body = await res.json();
    if (res.ok) setView(body as ClientCheckView);
    else setLoadError((body as { error?: { message?: string } }).error?.message ?? res.statusText);
  }, [checkId]);

  useEffect(() => {
    if (!initialView) void reload();
  }, [reload, initialView]);

  const isPending = view?.status === "PENDING";
  useEffect(() => {
    if (!isPending) return;
    let poll: ReturnType<typeof setInterval> | undefined;
    const source = typeof EventSource !== "undefined" ? new EventSource(`/api/identity-checks/${checkId}/events`) : null;
    source?.addEventListener("status", (e) => setView(JSON.parse((e as MessageEvent<string>).data) as ClientCheckView));
    const startPolling = () => {
      source?.close();
      poll ??= setInterval(() => void reload(), 3000);
    };
    if (source) source.onerror = () => (source.readyState === EventSource.CLOSED ? startPolling() : undefined);
    else startPolling();
    return () => {
      source?.close();
      if (poll) clearInterval(poll);
    };
  }, [checkId, isPending, reload]);

  return { view, setView, reload, loadError };
}
