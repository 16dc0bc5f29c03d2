"use client";
import { useEffect } from "react";

/** Registers the service worker that keeps the app shell for offline starts (never API answers). */
export function ServiceWorkerRegister() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/m" }).catch(() => undefined);
  }, []);
  return null;
}
