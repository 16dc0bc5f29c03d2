import { z } from "zod";
import { listOutbox } from "@/lib/server/notify/list-outbox";
import { publicRoute } from "@/lib/server/http/public-route";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ to: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).optional() });

// GET /api/dev/outbox?to= — the outbox as JSON, anonymous, in demo mode only (404 otherwise)
export const GET = publicRoute(async ({ query }) => ({ messages: await listOutbox({ ...query, viewer: null }) }), { query: ZQuery });
