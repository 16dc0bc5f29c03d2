import { userRoute } from "@/lib/server/http/user-route";
import { decryptWithPin } from "@/lib/server/keys/decrypt-with-pin";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/decrypt — PIN check, then the server half of a joint decryption
export const POST = userRoute(({ user, input, params, ip }) => decryptWithPin({ userId: user.id, keyShareId: params.keyShareId, input, ip }));
