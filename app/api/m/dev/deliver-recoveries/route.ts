import { userRoute } from "@/lib/server/http/user-route";
import { deliverDemoRecoveries } from "@/lib/server/escrow/deliver-demo-recoveries";

export const dynamic = "force-dynamic";

// POST /api/m/dev/deliver-recoveries — E2E only (CERTDESK_E2E_FIXTURES=1, demo KMK): the key-management centre's delivery of the caller's approved recoveries
export const POST = userRoute(({ user }) => deliverDemoRecoveries({ userId: user.id }));
