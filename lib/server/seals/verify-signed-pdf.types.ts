import type { z } from "zod";
import type { ZPdfSignatureCheckSchema, ZPdfVerificationSchema } from "./seal-platform.types";

// What POST /api/pdf/verify and POST /api/v1/pdf/verify answer (verifySignedPdf), for client components:
// the types of the schemas the API document is generated from (seal-platform.types.ts).
export type TPdfSignatureCheck = z.infer<typeof ZPdfSignatureCheckSchema>;
export type TPdfVerification = z.infer<typeof ZPdfVerificationSchema>;
