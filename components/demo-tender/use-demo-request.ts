"use client";
import { useQuery } from "@tanstack/react-query";

/** The demo route's answer: the public API's request view and the visitor's demo state. */
export type DemoPoll = { request: { id: string; status: string; failReason: string | null; webhook: { verified: boolean } | null }; state: Record<string, unknown> };

const POLL_MS = 1000;
const FINAL = new Set(["completed", "rejected", "expired", "failed"]);

/**
 * A demo scan request's status from the demo's own route (which calls the public API and verifies
 * the result on completion), polled every second until the request is finished. A failed request
 * keeps the last status: the next poll tries again.
 */
export function useDemoRequest(requestId: string) {
  return useQuery({
    queryKey: ["demo-tender-request", requestId],
    queryFn: async () => {
      const res = await fetch(`/demo/tender/api/requests/${requestId}`, { cache: "no-store" });
      if (!res.ok) throw new Error(res.statusText);
      return (await res.json()) as DemoPoll;
    },
    gcTime: 0,
    refetchInterval: (query) => (FINAL.has(query.state.data?.request.status ?? "") ? false : POLL_MS),
  });
}
