"use client";
import { useQuery } from "@tanstack/react-query";

export type PaymentStatus = { status: string };

const POLL_MS = 2000;
const FINAL = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

/**
 * A payment's status from GET /api/payments/[id], polled every two seconds until it is final
 * (SUCCEEDED, FAILED, CANCELLED). Null while no payment is open. A failed request shows nothing:
 * the next poll tries again.
 */
export function usePaymentStatus(paymentId: string | null): PaymentStatus | undefined {
  const { data } = useQuery({
    queryKey: ["payment-status", paymentId],
    queryFn: async () => {
      const res = await fetch(`/api/payments/${paymentId}`, { cache: "no-store" });
      if (!res.ok) throw new Error(res.statusText);
      return (await res.json()) as PaymentStatus;
    },
    enabled: paymentId !== null,
    gcTime: 0,
    refetchInterval: (query) => (FINAL.has(query.state.data?.status ?? "") ? false : POLL_MS),
  });
  return data;
}
