"use client";
import { useT } from "@/lib/i18n/client";
import { hasMessage } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/catalogue";

/** zod messages are catalogue keys; server errors arrive already translated. Both go through here. */
export function useMessage() {
  const t = useT();
  return (message: string | undefined, params?: Record<string, string | number>) =>
    message === undefined ? undefined : hasMessage(message) ? t(message as MessageKey, params) : message;
}
