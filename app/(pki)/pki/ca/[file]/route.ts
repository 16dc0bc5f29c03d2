import { derToPem } from "@/lib/pki/pem";
import { getCaCertificate } from "@/lib/server/ca/get-ca-certificate";
import { AppError } from "@/lib/errors";
import { publicRoute } from "@/lib/server/http/public-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /pki/ca/<caId>.cer (DER, application/pkix-cert, the AIA caIssuers form) or .pem; public
export const GET = publicRoute(async ({ params }) => {
  const match = /^([a-z0-9]{1,64})\.(cer|crt|pem)$/i.exec(params.file);
  if (!match) throw new AppError("not_found");
  const [, caId, format] = match;
  const ca = await getCaCertificate({ caId });
  const isPem = format.toLowerCase() === "pem";
  const body = isPem ? derToPem(ca.der, "CERTIFICATE") : (ca.der as Uint8Array<ArrayBuffer>);
  return new Response(body, {
    headers: {
      "Content-Type": isPem ? "application/x-pem-file" : "application/pkix-cert",
      "Content-Disposition": `inline; filename="${caId}.${format.toLowerCase()}"`,
      // A CA id names one certificate forever: the bytes behind this URL never change.
      "Cache-Control": "public, max-age=86400, immutable",
    },
  });
});
