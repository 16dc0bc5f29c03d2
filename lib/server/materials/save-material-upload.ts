import { AppError } from "@/lib/errors";
import { saveMaterial, type MaterialView } from "./save-material";

/** Fields sent with the file: the multipart body read is capped at this before it is parsed. */
export const MATERIAL_FORM_OVERHEAD = 64 * 1024;

/** The wizard's upload form (`kind`, `file`) → saveMaterial. */
export async function saveMaterialUpload({ userId, orderId, form }: { userId: string; orderId: string; form: FormData | null }): Promise<MaterialView> {
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw new AppError("validation_failed", { fields: { file: ["materials.errors.fileMissing"] } });
  const kind = form.get("kind");
  return saveMaterial({
    userId,
    orderId,
    kind: typeof kind === "string" ? kind : "",
    file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  });
}
