import { userRoute } from "@/lib/server/http/user-route";
import { startPhoneKeygen } from "@/lib/server/keys/start-phone-keygen";

export const dynamic = "force-dynamic";

// POST /api/m/keygen — the server half of one two-party key generation for an approved order
export const POST = userRoute(({ user, input }) => startPhoneKeygen({ userId: user.id, input }));
