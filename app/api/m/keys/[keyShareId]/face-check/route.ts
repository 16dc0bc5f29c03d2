import { userRoute } from "@/lib/server/http/user-route";
import { startHolderFaceCheck } from "@/lib/server/keys/start-holder-face-check";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/face-check — start the holder's face check for unlock / forgot PIN
export const POST = userRoute(({ user, params }) => startHolderFaceCheck({ userId: user.id, keyShareId: params.keyShareId }));
