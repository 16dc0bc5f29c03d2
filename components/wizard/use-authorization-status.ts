"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuthorizationState } from "./authorization-panel";

const POLL_MS = 3000;

/**
 * The legal representative's authorization from GET /api/orders/[id]/authorization, polled every
 * three seconds while a signing link is out (SENT): the legal rep signs on another device. The
 * server page's state is the starting value; `set` puts a fresh one in (after sending a link).
 */
export function useAuthorizationStatus(orderId: string, initial: AuthorizationState) {
  const client = useQueryClient();
  const key = ["order-authorization", orderId];
  const { data } = useQuery({
    queryKey: key,
    queryFn: async () => {
      const res = await fetch(`/api/orders/${orderId}/authorization`, { cache: "no-store" });
      if (!res.ok) throw new Error(res.statusText);
      return ((await res.json()) as { authorization: AuthorizationState }).authorization;
    },
    initialData: initial,
    // The server page has just read it: poll only while a link is out.
    refetchOnMount: false,
    refetchInterval: (query) => (query.state.data?.status === "SENT" ? POLL_MS : false),
  });
  return { state: data, set: (next: AuthorizationState) => client.setQueryData(key, next) };
}
