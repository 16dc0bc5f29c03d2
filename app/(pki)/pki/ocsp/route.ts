import { respondOcsp } from "@/lib/server/certs/ocsp-respond";
import { ocspHttpResponse } from "@/lib/server/certs/ocsp-http-response";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// An OCSP request is a few hundred bytes; anything much larger is not one.
const MAX_REQUEST_BYTES = 16 * 1024;

// POST /pki/ocsp — OCSP (RFC 6960 A.1): application/ocsp-request in, application/ocsp-response out; public
export async function POST(request: Request) {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type && type !== "application/ocsp-request") {
    return new Response("expected application/ocsp-request", { status: 415, headers: { "Content-Type": "text/plain" } });
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) return new Response(null, { status: 413 });
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.length > MAX_REQUEST_BYTES) return new Response(null, { status: 413 });
  return ocspHttpResponse(await respondOcsp({ request: { der: body } }));
}
