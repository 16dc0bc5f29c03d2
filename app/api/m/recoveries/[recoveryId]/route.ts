import { userRoute } from "@/lib/server/http/user-route";
import { getKeyRecovery } from "@/lib/server/escrow/get-key-recovery";

export const dynamic = "force-dynamic";

// GET /api/m/recoveries/:recoveryId — the caller's key recovery: status, and once delivered the share encrypted to the new phone
export const GET = userRoute(({ user, params }) => getKeyRecovery({ userId: user.id, recoveryId: params.recoveryId }));
