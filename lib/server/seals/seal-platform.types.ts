import { z } from "zod";

// What the platform API answers about seals (a sign result's seal, GET /api/v1/seals): typed by
// these and documented from them (lib/server/scan/openapi-document.ts).

export const EXAMPLE_SEAL = {
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
} as const;

export const ZPlatformSealSchema = z
  .object({
    id: z.string().describe("Pass as sealId in a sign request to require this seal."),
    esId: z.string().nullable().describe("The seal's id inside its SES_Seal (esID)."),
    name: z.string(),
    kind: z.enum(["official", "legal_rep", "legal_rep_signature", "contract", "personal", "handwritten"]),
    status: z.enum(["awaiting_image", "pending_review", "approved", "rejected", "cancelled", "voided", "deleted"]).describe("approved for every seal listed or used; a seal stamped earlier keeps its later state."),
    certificateSerial: z.string().nullable().describe("Hex serial of the bound signing certificate (granted members' certificates are listed in the SES_Seal's certList)."),
    widthMm: z.number().int().nullable().describe("Printed width in millimetres (draw it at this size)."),
    heightMm: z.number().int().nullable(),
    validTo: z.iso.datetime().nullable(),
    picture: z.string().nullable().describe("base64 PNG with a transparent background."),
    sesSeal: z.string().nullable().describe("base64 DER of the SES_Seal."),
  })
  .meta({
    id: "Seal",
    description:
      "An electronic seal as a relying party gets it: the processed transparent PNG to draw and the seal structure (SES_Seal in the shape of GB/T 38540-2020, DER, signed by the CA's seal-making key; docs/seals.md) to check. The structure's certList holds the signing certificate the seal is bound to and, for an enterprise seal, the members' certificates its seal administrator granted its use (授权用章): a signature with this seal must be made by one of them.",
    examples: [EXAMPLE_SEAL],
  });
export type TPlatformSeal = z.infer<typeof ZPlatformSealSchema>;

// GET /api/v1/seals?serial=
export const ZSealListQuerySchema = z.object({
  serial: z.string().regex(/^[0-9a-fA-F]{2,64}$/, "scan.errors.serialFormat").meta({ example: "5f1c0d9e2a7b4c3d" }),
});

export const ZSealListSchema = z.object({ seals: z.array(ZPlatformSealSchema) }).meta({ id: "SealList", examples: [{ seals: [EXAMPLE_SEAL] }] });
export type TSealList = z.infer<typeof ZSealListSchema>;

const ZCheckSchema = z.object({ valid: z.boolean(), reasons: z.array(z.string()) });

export const PDF_SIGNATURE_REASONS = [
  "modified",
  "signature_invalid",
  "chain_invalid",
  "revoked",
  "status_unknown",
  "seal_invalid",
  "byte_range_malformed",
  "contents_outside_gap",
  "revision_not_at_eof",
] as const;

export const ZPdfSignatureCheckSchema = z.object({
  index: z.number().int(),
  fieldName: z.string(),
  page: z.number().int().nullable().describe("1-based page of the signature's widget (where the seal is drawn)."),
  signer: z.object({ subject: z.string(), serial: z.string(), issuer: z.string() }).nullable(),
  signingTime: z.iso.datetime().nullable().describe("The signer's own claim (CMS signingTime)."),
  chain: ZCheckSchema,
  revocation: z.object({ status: z.enum(["good", "revoked", "unknown"]), revokedAt: z.string().nullable(), reason: z.string().nullable() }),
  seal: z
    .object({ valid: z.boolean(), reason: z.string().nullable(), name: z.string().nullable(), esId: z.string().nullable(), isBoundToSigner: z.boolean() })
    .nullable()
    .describe("The SES_Seal carried in the signature field (null when none): signed by the CA's seal-making key and bound to the signer's certificate."),
  document: z
    .object({
      isUnchanged: z.boolean(),
      coversWholeFile: z.boolean(),
      revisionEnd: z.number().int().nullable(),
      byteRange: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]).nullable(),
    })
    .describe(
      "isUnchanged: the CMS messageDigest is the SM3 of exactly the /ByteRange bytes, the range starts at 0 and its one gap is the /Contents string, and it ends at the end of a revision (coversWholeFile for the last signature; an earlier signature's revision is a prefix that later revisions only append to).",
    ),
  valid: z.boolean(),
  reasons: z.array(z.enum(PDF_SIGNATURE_REASONS)),
});

export const ZPdfVerificationSchema = z
  .object({
    size: z.number().int(),
    count: z.number().int(),
    valid: z.boolean(),
    signatures: z.array(ZPdfSignatureCheckSchema),
  })
  .meta({
    id: "PdfVerification",
    description: "Every signature of the PDF, first signed first. valid is true only when there is at least one signature and every one is valid.",
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
  });
