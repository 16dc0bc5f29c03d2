import { z } from "zod";
import { userRoute } from "@/lib/server/http/user-route";
import { createFixtureSeal } from "@/lib/server/seals/create-fixture-seal";

export const dynamic = "force-dynamic";

const ZBody = z.object({ kind: z.enum(["PERSONAL", "HANDWRITTEN"]).default("PERSONAL") }).default({ kind: "PERSONAL" });

// POST /api/m/dev/fixture-seal — E2E only (CERTDESK_E2E_FIXTURES=1): an approved personal seal bound to the caller's signing certificate
export const POST = userRoute(({ user, input }) => createFixtureSeal({ userId: user.id, kind: input.kind }), { body: ZBody });
