import { userRoute } from "@/lib/server/http/user-route";
import { completePhoneScan } from "@/lib/server/scan/complete-phone-scan";

export const dynamic = "force-dynamic";

// POST /api/m/scan/:id/complete — the finished signature, CMS or plaintext; refused without a PIN-gated half for it
export const POST = userRoute(({ user, params, input }) => completePhoneScan({ userId: user.id, id: params.id, input }), { maxBody: 1024 * 1024 });
