import { respondOcsp } from "@/lib/server/ca/ocsp-respond";
import { ocspHttpResponse } from "@/lib/server/ca/ocsp-http-response";
import { publicRoute } from "@/lib/server/http/public-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// POST /pki/ocsp — OCSP (RFC 6960 A.1): application/ocsp-request in, application/ocsp-response out; public.
// OCSP clients are not browsers: no origin check. A request is a few hundred bytes; 16 KiB is plenty.
export const POST = publicRoute(async ({ raw }) => ocspHttpResponse(await respondOcsp({ request: { der: raw! } })), {
  crossOrigin: true,
  accepts: { raw: ["application/ocsp-request", ""] },
  maxBody: 16 * 1024,
});
