"use client";
import { useQuery } from "@tanstack/react-query";

export type PendingSignRequest = { id: string; type: "sign"; payload: { title?: string; digest?: string; document?: unknown }; session: { id: string } };

const POLL_MS = 1500;

/**
 * The sign requests waiting in one signing session, from GET /api/m/scan/pending, polled every
 * 1.5 s while the session is open and not expired. `onRequests` runs inside each poll (the phone
 * signs there with 自动确认), so the next poll starts only after it finished. A failed request is
 * ignored: a phone on a train loses the network now and then, and the next poll tries again.
 */
export function useSessionRequests(
  session: { id: string; expiresAt: string },
  { enabled, onRequests }: { enabled: boolean; onRequests: (requests: PendingSignRequest[]) => Promise<void> },
) {
  return useQuery({
    queryKey: ["scan-session-requests", session.id],
    queryFn: async () => {
      const res = await fetch("/api/m/scan/pending", { cache: "no-store" });
      const data = (await res.json()) as { requests?: PendingSignRequest[] };
      const mine = (data.requests ?? []).filter((r) => r.session.id === session.id);
      await onRequests(mine);
      return mine;
    },
    enabled,
    gcTime: 0,
    refetchInterval: () => (new Date(session.expiresAt).getTime() > Date.now() ? POLL_MS : false),
  });
}
