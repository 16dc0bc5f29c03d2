import type { ZodOpenApiPathsObject } from "zod-openapi";
import { openApiErrorResponses as errorResponses } from "@/lib/server/http/openapi-error-responses";
import { ZPdfVerificationSchema, ZSealListQuerySchema, ZSealListSchema } from "./seal-platform.types";

// The seal parts of the platform API's OpenAPI document (lib/server/scan/openapi-document.ts): the
// seals of a certificate and the PDF verifier. The Seal a sign result carries is in seal-platform.types.ts.

export const sealPaths: ZodOpenApiPathsObject = {
  "/seals": {
    get: {
      operationId: "listSeals",
      summary: "The approved seals of a signing certificate (for placing one on a document before it is signed)",
      description:
        "Lists the seals bound to the signing certificate with this serial or granted to it (an enterprise seal's 授权用章), for a platform the holder has completed a scan request with (e.g. a login); otherwise an empty list. A PDF signature covers the seal picture, so the platform draws the picture first, computes the SM3 of the /ByteRange bytes, and then asks for the signature with sealId (docs/seals.md, PDF format).",
      requestParams: { query: ZSealListQuerySchema },
      responses: {
        "200": { description: "The seals", content: { "application/json": { schema: ZSealListSchema } } },
        ...errorResponses([401, 422]),
      },
    },
  },
  "/pdf/verify": {
    post: {
      operationId: "verifyPdf",
      summary: "Verify every signature of a signed PDF (body: the PDF bytes, Content-Type application/pdf, at most 20 MB; 30 a minute)",
      requestBody: { required: true, content: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } } },
      responses: {
        "200": { description: "The report", content: { "application/json": { schema: ZPdfVerificationSchema } } },
        ...errorResponses([401, 413, 415, 422, 429]),
      },
    },
  },
};
