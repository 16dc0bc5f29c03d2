import { userRoute } from "@/lib/server/http/user-route";
import { MATERIAL_MAX_BYTES } from "@/lib/server/materials/save-material";
import { MATERIAL_FORM_OVERHEAD } from "@/lib/server/materials/save-material-upload";
import { submitPaperTransfer } from "@/lib/server/org/submit-paper-transfer";

export const dynamic = "force-dynamic";

// POST /api/org/[orgId]/transfer-paper — the stamped transfer form (multipart: toUserId, file) → the CA's review
export const POST = userRoute(
  ({ user, params, form }) => {
    form?.set("orgId", params.orgId);
    return submitPaperTransfer({ userId: user.id, form });
  },
  { accepts: "multipart", maxBody: MATERIAL_MAX_BYTES + MATERIAL_FORM_OVERHEAD, tooLargeMessage: "materials.errors.tooLarge", status: 201 },
);
