import { userRoute } from "@/lib/server/http/user-route";
import { installRecoveredShare } from "@/lib/server/escrow/install-recovered-share";

export const dynamic = "force-dynamic";

// POST /api/m/recoveries/:recoveryId/install — the new phone's PIN: stages the rotation (W', ρ) that the phone confirms with /api/m/keys/:id/pin/confirm
export const POST = userRoute(({ user, input, params, ip }) => installRecoveredShare({ userId: user.id, recoveryId: params.recoveryId, input, ip }));
