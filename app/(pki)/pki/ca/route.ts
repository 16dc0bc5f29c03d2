import { publicRoute } from "@/lib/server/http/public-route";
import { listPublicCas } from "@/lib/server/ca/list-public-cas";
import { ZPkiCaIndexSchema, type TPkiCaIndex } from "@/lib/server/ca/pki.types";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /pki/ca — the CA repository index: CA certificates, their ids and URLs (JSON); public
export const GET = publicRoute(async () => Response.json({ cas: await listPublicCas() } satisfies TPkiCaIndex, { headers: { "Cache-Control": "public, max-age=300" } }), {
  response: ZPkiCaIndexSchema,
});
