import { NextResponse } from "next/server";
import { derToPem } from "@/lib/pki/pem";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getPhoneCertificatePem } from "@/lib/server/phone/get-phone-certificate-pem";

export const dynamic = "force-dynamic";

// GET /api/m/certificates/:certificateId — the caller's certificate as PEM (导出证书), with its issuing CA's id
export async function GET(_req: Request, { params }: { params: Promise<{ certificateId: string }> }) {
  try {
    const user = await requireUser({ permission: "desk.use" });
    const cert = await getPhoneCertificatePem({ userId: user.id, certificateId: (await params).certificateId });
    return new NextResponse(derToPem(cert.der, "CERTIFICATE"), {
      headers: { "Content-Type": "application/x-pem-file", "Cache-Control": "no-store", "X-CA-Id": cert.caId, "Content-Disposition": `attachment; filename="${cert.serialHex}.pem"` },
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
