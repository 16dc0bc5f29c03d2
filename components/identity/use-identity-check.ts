"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import type { IdentityCheckView } from "@/lib/server/identity/identity-check-view";

export type ClientCheckView = IdentityCheckView & { sandboxBankUrl?: string };

const POLL_MS = 3000;

/** The server's refusal (its message is shown); a network failure is not one (the next poll tries again). */
class CheckLoadError extends Error {}

/**
 * A check's live state: loaded once (or taken from the server page), then followed through the
 * server-sent events stream while it is pending (the phone finishes a face check in another
 * request). Falls back to polling GET /api/identity-checks/[id] every 3 s when the stream is
 * unavailable (an old proxy that buffers), until the check is no longer pending.
 */
export function useIdentityCheck(checkId: string, initialView?: ClientCheckView) {
  const queryClient = useQueryClient();
  const [isPolling, setPolling] = useState(false);
  const query = useQuery({
    queryKey: ["identity-check", checkId],
    queryFn: async () => {
      const res = await fetch(`/api/identity-checks/${checkId}`, { cache: "no-store" });
      const body = await res.json();
      if (!res.ok) throw new CheckLoadError((body as { error?: { message?: string } }).error?.message ?? res.statusText);
      return body as ClientCheckView;
    },
    initialData: initialView,
    // A view the server page loaded is not fetched again on mount; without one the check loads.
    refetchOnMount: false,
    gcTime: 0,
    refetchInterval: (q) => (isPolling && q.state.data?.status === "PENDING" ? POLL_MS : false),
  });
  const view = query.data ?? null;
  const loadError = query.error instanceof CheckLoadError ? query.error.message : null;

  const setView = useCallback((next: ClientCheckView) => queryClient.setQueryData(["identity-check", checkId], next), [queryClient, checkId]);
  const { refetch } = query;
  const reload = useCallback(async () => void (await refetch()), [refetch]);

  const isPending = view?.status === "PENDING";
  useEffect(() => {
    if (!isPending) return;
    const source = typeof EventSource !== "undefined" ? new EventSource(`/api/identity-checks/${checkId}/events`) : null;
    source?.addEventListener("status", (e) => setView(JSON.parse((e as MessageEvent<string>).data) as ClientCheckView));
    const startPolling = () => {
      source?.close();
      setPolling(true);
    };
    if (source) source.onerror = () => (source.readyState === EventSource.CLOSED ? startPolling() : undefined);
    else startPolling();
    return () => source?.close();
  }, [checkId, isPending, setView]);

  return { view, setView, reload, loadError };
}
