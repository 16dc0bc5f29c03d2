import { respondOcsp } from "@/lib/server/ca/ocsp-respond";
import { ocspHttpResponse } from "@/lib/server/ca/ocsp-http-response";
import { publicRoute } from "@/lib/server/http/public-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /pki/ocsp/<url-encoded base64 DER> — OCSP over GET (RFC 6960 A.1, RFC 5019 5), cacheable; public
export const GET = publicRoute<undefined, undefined, { request: string[] }>(async ({ req }) => {
  // The raw path, not the decoded segments: base64 may contain "/" and "+", and the
  // percent-encoding is undone exactly once, by the parser.
  const path = new URL(req.url).pathname.replace(/^.*?\/pki\/ocsp\//, "");
  if (path.length > 24 * 1024) return new Response(null, { status: 414 });
  return ocspHttpResponse(await respondOcsp({ request: { getPath: path } }));
});
