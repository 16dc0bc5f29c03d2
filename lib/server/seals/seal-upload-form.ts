import { AppError } from "@/lib/errors";
import { MAX_SEAL_UPLOAD_BYTES } from "./process-seal-image";

/** The multipart body of a seal upload: the picture plus a few short fields. Read capped at this. */
export const SEAL_FORM_MAX_BYTES = MAX_SEAL_UPLOAD_BYTES + 64 * 1024;

/** The text fields (as an object for the zod schema) and the file's bytes (null when none was sent). */
export async function readSealForm(form: FormData | null): Promise<{ fields: Record<string, string>; file: Uint8Array | null }> {
  if (!form) throw new AppError("validation_failed", { userMessage: "seals.errors.fileEmpty" });
  const fields: Record<string, string> = {};
  let file: Uint8Array | null = null;
  for (const [key, value] of form.entries()) {
    if (key === "file" && value instanceof File) file = value.size > 0 ? new Uint8Array(await value.arrayBuffer()) : null;
    else if (typeof value === "string") fields[key] = value;
  }
  return { fields, file };
}
