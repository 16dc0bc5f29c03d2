import { userRoute } from "@/lib/server/http/user-route";
import { previewSealImage } from "@/lib/server/seals/preview-seal-image";
import { readSealForm, SEAL_FORM_MAX_BYTES } from "@/lib/server/seals/seal-upload-form";

export const dynamic = "force-dynamic";

// POST /api/seals/preview — the processed picture of an upload (multipart: kind, file); nothing is stored
export const POST = userRoute(async ({ form }) => previewSealImage(await readSealForm(form)), {
  accepts: "multipart",
  maxBody: SEAL_FORM_MAX_BYTES,
  tooLargeMessage: "seals.errors.fileTooLarge",
});
