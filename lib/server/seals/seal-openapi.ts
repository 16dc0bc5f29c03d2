// The seal parts of the platform API's OpenAPI document (lib/server/scan/openapi-document.ts):
// the Seal a platform receives (with a sign result, or listed for a certificate) and the PDF verifier.

const EXAMPLE_SEAL = {
  id: "clseal0000000000000000001",
  esId: "ES20261202A1B2C3D4E5F60718",
  name: "示例建设工程有限公司 公章",
  kind: "official",
  status: "approved",
  certificateSerial: "5f1c0d9e2a7b4c3d",
  widthMm: 42,
  heightMm: 42,
  validTo: "2027-12-01T00:00:00.000Z",
  picture: "iVBORw0KGgoAAAANSUhEUgAA…",
  sesSeal: "MIIH3zCCB2kwCRYCRVMCAQQW…",
};

export const sealSchema = {
  type: "object",
  description:
    "An electronic seal as a relying party gets it: the processed transparent PNG to draw and the seal structure (SES_Seal in the shape of GB/T 38540-2020, DER, signed by the CA's seal-making key; docs/seals.md) to check. The structure's certList holds the signing certificate the seal is bound to and, for an enterprise seal, the members' certificates its seal administrator granted its use (授权用章): a signature with this seal must be made by one of them.",
  required: ["id", "name", "kind", "picture", "sesSeal"],
  properties: {
    id: { type: "string", description: "Pass as sealId in a sign request to require this seal." },
    esId: { type: ["string", "null"], description: "The seal's id inside its SES_Seal (esID)." },
    name: { type: "string" },
    kind: { type: "string", enum: ["official", "legal_rep", "legal_rep_signature", "contract", "personal", "handwritten"] },
    status: { type: "string" },
    certificateSerial: { type: ["string", "null"], description: "Hex serial of the bound signing certificate (granted members' certificates are listed in the SES_Seal's certList)." },
    widthMm: { type: ["integer", "null"], description: "Printed width in millimetres (draw it at this size)." },
    heightMm: { type: ["integer", "null"] },
    validTo: { type: ["string", "null"], format: "date-time" },
    picture: { type: ["string", "null"], description: "base64 PNG with a transparent background." },
    sesSeal: { type: ["string", "null"], description: "base64 DER of the SES_Seal." },
  },
  examples: [EXAMPLE_SEAL],
};

const check = { type: "object", properties: { valid: { type: "boolean" }, reasons: { type: "array", items: { type: "string" } } } };

export const pdfVerificationSchema = {
  type: "object",
  description: "Every signature of the PDF, first signed first. valid is true only when there is at least one signature and every one is valid.",
  properties: {
    size: { type: "integer" },
    count: { type: "integer" },
    valid: { type: "boolean" },
    signatures: {
      type: "array",
      items: {
        type: "object",
        properties: {
          index: { type: "integer" },
          fieldName: { type: "string" },
          page: { type: ["integer", "null"], description: "1-based page of the signature's widget (where the seal is drawn)." },
          signer: { type: ["object", "null"], properties: { subject: { type: "string" }, serial: { type: "string" }, issuer: { type: "string" } } },
          signingTime: { type: ["string", "null"], format: "date-time", description: "The signer's own claim (CMS signingTime)." },
          chain: check,
          revocation: { type: "object", properties: { status: { type: "string", enum: ["good", "revoked", "unknown"] }, revokedAt: { type: ["string", "null"] }, reason: { type: ["string", "null"] } } },
          seal: {
            type: ["object", "null"],
            description: "The SES_Seal carried in the signature field (null when none): signed by the CA's seal-making key and bound to the signer's certificate.",
            properties: { valid: { type: "boolean" }, reason: { type: ["string", "null"] }, name: { type: ["string", "null"] }, esId: { type: ["string", "null"] }, isBoundToSigner: { type: "boolean" } },
          },
          document: {
            type: "object",
            description: "isUnchanged: the CMS messageDigest is the SM3 of exactly the /ByteRange bytes, the range starts at 0 and its one gap is the /Contents string, and it ends at the end of a revision (coversWholeFile for the last signature; an earlier signature's revision is a prefix that later revisions only append to).",
            properties: { isUnchanged: { type: "boolean" }, coversWholeFile: { type: "boolean" }, revisionEnd: { type: ["integer", "null"] }, byteRange: { type: ["array", "null"], items: { type: "integer" } } },
          },
          valid: { type: "boolean" },
          reasons: {
            type: "array",
            items: { type: "string", enum: ["modified", "signature_invalid", "chain_invalid", "revoked", "status_unknown", "seal_invalid", "byte_range_malformed", "contents_outside_gap", "revision_not_at_eof"] },
          },
        },
      },
    },
  },
  examples: [
    {
      size: 48213,
      count: 1,
      valid: true,
      signatures: [
        {
          index: 1,
          fieldName: "示例建设工程有限公司 公章 1",
          page: 2,
          signer: { subject: "CN=示例建设工程有限公司, O=示例建设工程有限公司, C=CN", serial: "5f1c0d9e2a7b4c3d", issuer: "CN=CertDesk Issuing CA, O=CertDesk, C=CN" },
          signingTime: "2026-12-02T03:10:00.000Z",
          chain: { valid: true, reasons: [] },
          revocation: { status: "good", revokedAt: null, reason: null },
          seal: { valid: true, reason: null, name: "示例建设工程有限公司 公章", esId: "ES20261202A1B2C3D4E5F60718", isBoundToSigner: true },
          document: { isUnchanged: true, coversWholeFile: true, revisionEnd: 48213, byteRange: [0, 30112, 46498, 1715] },
          valid: true,
          reasons: [],
        },
      ],
    },
  ],
};

const err = { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };

export const sealPaths = {
  "/seals": {
    get: {
      summary: "The approved seals of a signing certificate (for placing one on a document before it is signed)",
      description:
        "Lists the seals bound to the signing certificate with this serial or granted to it (an enterprise seal's 授权用章), for a platform the holder has completed a scan request with (e.g. a login); otherwise an empty list. A PDF signature covers the seal picture, so the platform draws the picture first, computes the SM3 of the /ByteRange bytes, and then asks for the signature with sealId (docs/seals.md, PDF format).",
      parameters: [{ name: "serial", in: "query", required: true, schema: { type: "string", pattern: "^[0-9a-fA-F]{2,64}$" }, example: "5f1c0d9e2a7b4c3d" }],
      responses: {
        "200": { description: "The seals", content: { "application/json": { schema: { type: "object", properties: { seals: { type: "array", items: { $ref: "#/components/schemas/Seal" } } } }, example: { seals: [EXAMPLE_SEAL] } } } },
        "401": err,
        "422": err,
      },
    },
  },
  "/pdf/verify": {
    post: {
      summary: "Verify every signature of a signed PDF (body: the PDF bytes, Content-Type application/pdf, at most 20 MB; 30 a minute)",
      requestBody: { required: true, content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
      responses: {
        "200": { description: "The report", content: { "application/json": { schema: { $ref: "#/components/schemas/PdfVerification" } } } },
        "401": err,
        "413": err,
        "415": err,
        "422": err,
        "429": err,
      },
    },
  },
};
