"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import type { ActionResult } from "@/lib/server/http/action-result";
import { useT } from "@/lib/i18n/client";

/**
 * Runs a step's server action: field messages land next to their fields, the summary in the
 * form's live region; `go` moves to the next step's route.
 */
export function useStepAction<V extends FieldValues>(form?: UseFormReturn<V>) {
  const router = useRouter();
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function run<T>(call: () => Promise<ActionResult<T>>): Promise<T | undefined> {
    setError(null);
    setBusy(true);
    try {
      const res = await call();
      if (!res.ok) {
        if (form) applyFieldErrors(form.setError, res.error);
        setError(res.error.message);
        return undefined;
      }
      return res.data;
    } catch {
      setError(t("errors.internal"));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const go = (path: string) => {
    setBusy(true);
    router.push(path);
  };

  return { run, go, error, setError, isBusy };
}
