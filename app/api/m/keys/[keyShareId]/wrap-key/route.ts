import { userRoute } from "@/lib/server/http/user-route";
import { releaseWrapKey } from "@/lib/server/keys/release-wrap-key";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/wrap-key — PIN check, then W (for a decryption, whose request needs d1)
export const POST = userRoute(({ user, input, params, ip }) => releaseWrapKey({ userId: user.id, keyShareId: params.keyShareId, input, ip }));
