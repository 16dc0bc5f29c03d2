import { userRoute } from "@/lib/server/http/user-route";
import { requestKeyRecovery } from "@/lib/server/escrow/request-key-recovery";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/recovery — from a new phone: recover this escrowed encryption share to the phone's transport key
export const POST = userRoute(({ user, input, params, ip }) => requestKeyRecovery({ userId: user.id, keyShareId: params.keyShareId, input, ip }));
