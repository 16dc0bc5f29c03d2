import { userRoute } from "@/lib/server/http/user-route";
import { reverifyKey } from "@/lib/server/keys/reverify-key";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/reverify — unlock, or reset the PIN, after a fresh real-name check
export const POST = userRoute(({ user, input, params, ip }) => reverifyKey({ userId: user.id, keyShareId: params.keyShareId, input, ip }));
