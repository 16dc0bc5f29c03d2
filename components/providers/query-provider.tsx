"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * One TanStack Query client per browser tab, for the server state the client follows (scan
 * requests, payments, identity checks). The defaults match the hand-written loops they replaced:
 * a status is never fresh (staleTime 0), a failed request is not retried (the next poll tries
 * again), nothing refetches on focus or reconnect (no duplicate requests), and polling goes on in
 * a background tab (the phone or the bank page is often the tab in front).
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 0, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, refetchIntervalInBackground: true },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
