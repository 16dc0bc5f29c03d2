import { getLatestCrl } from "@/lib/server/ca/get-latest-crl";
import { AppError } from "@/lib/errors";
import { publicRoute } from "@/lib/server/http/public-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Shorter than a CRL's lifetime: a revocation publishes a new CRL at once, and caches should
// pick it up within minutes, not at nextUpdate.
const MAX_AGE_SECONDS = 600;

// GET /pki/crl/<caId>.crl — the CA's latest CRL, DER (application/pkix-crl); public
export const GET = publicRoute(async ({ params }) => {
  const match = /^([a-z0-9]{1,64})\.crl$/i.exec(params.file);
  if (!match) throw new AppError("not_found");
  const crl = await getLatestCrl({ caId: match[1] });
  const maxAge = Math.max(0, Math.min(MAX_AGE_SECONDS, Math.floor((crl.nextUpdate.getTime() - Date.now()) / 1000)));
  return new Response(crl.der as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/pkix-crl",
      "Content-Disposition": `inline; filename="${match[1]}.crl"`,
      "Cache-Control": `public, max-age=${maxAge}, no-transform`,
      "Last-Modified": crl.thisUpdate.toUTCString(),
      Expires: crl.nextUpdate.toUTCString(),
      ETag: `"crl-${match[1]}-${crl.number}"`,
    },
  });
});
