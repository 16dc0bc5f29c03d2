import { AppError } from "@/lib/errors";
import { publicRoute } from "@/lib/server/http/public-route";
import { MAX_VERIFY_PDF_BYTES, verifySignedPdf } from "@/lib/server/seals/verify-signed-pdf";

export const dynamic = "force-dynamic";

// POST /api/pdf/verify — the desk's 验签 page: a signed PDF uploaded as multipart `file` (same-origin, limited per address)
export const POST = publicRoute(
  async ({ form, ip }) => {
    const file = form?.get("file");
    if (!(file instanceof File)) throw new AppError("validation_failed", { userMessage: "sealsUse.verify.notPdf", fields: { file: ["sealsUse.verify.notPdf"] } });
    return verifySignedPdf({ pdf: new Uint8Array(await file.arrayBuffer()), limitKey: `pdf-verify:ip:${ip}` });
  },
  { accepts: "multipart", maxBody: MAX_VERIFY_PDF_BYTES + 64 * 1024 },
);
