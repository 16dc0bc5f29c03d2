import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ApiError } from "./api-error";

/** Puts server-side field messages next to their fields; returns whether any landed. */
export function applyFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>, error: ApiError): boolean {
  const entries = Object.entries(error.fields ?? {});
  for (const [name, messages] of entries) setError(name as Path<T>, { type: "server", message: messages[0] });
  return entries.length > 0;
}
