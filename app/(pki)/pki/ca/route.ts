import { listPublicCas } from "@/lib/server/certs/list-public-cas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /pki/ca — the CA repository index: CA certificates, their ids and URLs (JSON); public
export async function GET() {
  const cas = await listPublicCas();
  return Response.json({ cas }, { headers: { "Cache-Control": "public, max-age=300" } });
}
