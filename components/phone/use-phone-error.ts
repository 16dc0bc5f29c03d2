"use client";
import { useT } from "@/lib/i18n/client";

/** Turns a thrown API error (already translated by the server) or a local failure into a sentence. */
export function usePhoneError() {
  const t = useT();
  return (err: unknown): string => {
    const e = err as { code?: string; message?: string };
    if (e?.code === "network") return t("phone.errors.network");
    if (e?.code === "storage") return t("phone.errors.storage");
    if (e?.code === "not_on_this_phone") return t("phone.errors.notOnThisPhone");
    return e?.message || t("phone.errors.network");
  };
}
