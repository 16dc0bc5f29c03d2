import { platformRoute } from "@/lib/server/http/platform-route";
import { MAX_VERIFY_PDF_BYTES, verifySignedPdf } from "@/lib/server/seals/verify-signed-pdf";
import { ZPdfVerificationSchema } from "@/lib/server/seals/seal-platform.types";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";

export const dynamic = "force-dynamic";

// POST /api/v1/pdf/verify — verify every signature of a signed PDF (body: the PDF, application/pdf)
export const POST = platformRoute(({ platform, raw }) => verifySignedPdf({ pdf: raw!, limitKey: `pdf-verify:platform:${platform.id}` }), {
  accepts: { raw: ["application/pdf"] },
  maxBody: MAX_VERIFY_PDF_BYTES,
  response: ZPdfVerificationSchema,
});

// Any other method: a JSON 405 with Allow.
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
