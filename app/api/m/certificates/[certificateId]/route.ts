import { derToPem } from "@/lib/pki/pem";
import { userRoute } from "@/lib/server/http/user-route";
import { getPhoneCertificatePem } from "@/lib/server/certs/get-phone-certificate-pem";

export const dynamic = "force-dynamic";

// GET /api/m/certificates/:certificateId — the caller's certificate as PEM (导出证书), with its issuing CA's id
export const GET = userRoute(async ({ user, params }) => {
  const cert = await getPhoneCertificatePem({ userId: user.id, certificateId: params.certificateId });
  return new Response(derToPem(cert.der, "CERTIFICATE"), {
    headers: { "Content-Type": "application/x-pem-file", "Cache-Control": "no-store", "X-CA-Id": cert.caId, "Content-Disposition": `attachment; filename="${cert.serialHex}.pem"` },
  });
});
