import { userRoute } from "@/lib/server/http/user-route";
import { createOrgSeal } from "@/lib/server/seals/create-org-seal";
import { readSealForm, SEAL_FORM_MAX_BYTES } from "@/lib/server/seals/seal-upload-form";

export const dynamic = "force-dynamic";

// POST /api/org/[orgId]/seals — a new enterprise seal (seals.manage; multipart: kind, certificateId, name, file)
export const POST = userRoute<undefined, undefined, { orgId: string }>(
  async ({ user, params, form, ip }) => {
    const { fields, file } = await readSealForm(form);
    return createOrgSeal({ userId: user.id, orgId: params.orgId, input: fields, file, ip });
  },
  { accepts: "multipart", maxBody: SEAL_FORM_MAX_BYTES, tooLargeMessage: "seals.errors.fileTooLarge", status: 201 },
);
