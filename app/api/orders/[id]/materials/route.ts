import { userRoute } from "@/lib/server/http/user-route";
import { listMaterials } from "@/lib/server/materials/list-materials";
import { MATERIAL_MAX_BYTES } from "@/lib/server/materials/save-material";
import { MATERIAL_FORM_OVERHEAD, saveMaterialUpload } from "@/lib/server/materials/save-material-upload";

export const dynamic = "force-dynamic";

// POST /api/orders/[id]/materials — upload one document (multipart: kind, file). The body is
// counted as it arrives and cut off past the cap, with or without a Content-Length.
export const POST = userRoute(
  ({ user, params, form }) => saveMaterialUpload({ userId: user.id, orderId: params.id, form }),
  { accepts: "multipart", maxBody: MATERIAL_MAX_BYTES + MATERIAL_FORM_OVERHEAD, tooLargeMessage: "materials.errors.tooLarge", status: 201 },
);

// GET /api/orders/[id]/materials — the order's current documents
export const GET = userRoute(async ({ user, params }) => ({
  materials: await listMaterials({ user, orderId: params.id }),
}));
