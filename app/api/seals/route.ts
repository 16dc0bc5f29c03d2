import { userRoute } from "@/lib/server/http/user-route";
import { createPersonalSeal } from "@/lib/server/seals/create-personal-seal";
import { readSealForm, SEAL_FORM_MAX_BYTES } from "@/lib/server/seals/seal-upload-form";

export const dynamic = "force-dynamic";

// POST /api/seals — a new personal seal (multipart: source, certificateId, style, file)
export const POST = userRoute(
  async ({ user, form, ip }) => {
    const { fields, file } = await readSealForm(form);
    return createPersonalSeal({ userId: user.id, input: fields, file, ip });
  },
  { accepts: "multipart", maxBody: SEAL_FORM_MAX_BYTES, tooLargeMessage: "seals.errors.fileTooLarge", status: 201 },
);
