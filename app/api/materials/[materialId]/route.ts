import { userRoute } from "@/lib/server/http/user-route";
import { materialResponse } from "@/lib/server/materials/material-response";
import { readMaterial } from "@/lib/server/materials/read-material";

export const dynamic = "force-dynamic";

// GET /api/materials/[materialId] — the stored document (owner or staff): re-encoded images
// inline, everything else as a download, sandboxed either way.
export const GET = userRoute(async ({ user, params }) =>
  materialResponse(await readMaterial({ user, materialId: params.materialId })),
);
