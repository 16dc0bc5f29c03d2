import { z } from "zod";
import { SM2_USER_ID } from "@/lib/platform/openssl-recipes";
import { WEBHOOK_EVENT, WEBHOOK_SEQUENCE } from "@/lib/platform/webhook-delivery";
import { ZPlatformSealSchema } from "@/lib/server/seals/seal-platform.types";
import { SESSION_MINUTES } from "./phone-scan.types";

// What the platform API answers about scan requests (GET/POST /api/v1/scan-requests…, the event
// stream and webhooks): the handlers' output is typed by these and the OpenAPI document is generated
// from them (lib/server/scan/openapi-document.ts), so the two cannot say different things.

/** failReason values (a rejected or failed request), with what each means. */
export const FAIL_REASONS = {
  declined_by_user: { status: "rejected", meaning: "the holder declined on the phone." },
  not_authorized_for_platform: {
    status: "rejected",
    meaning:
      "the holder's enterprise certificate is not authorized for your platform by the enterprise's administrator (授权管理), so it was refused on the phone; the holder can ask the administrator to authorize them.",
  },
  not_a_member: { status: "rejected", meaning: "the holder is no longer a member of the enterprise whose certificate it is." },
  decrypt_failed: {
    status: "failed",
    meaning:
      "the phone ran the PIN-checked joint decryption and the ciphertext did not open with the holder's encryption key (encrypted to another certificate, or damaged). Reported at once; a new request is needed.",
  },
} as const satisfies Record<string, { status: "rejected" | "failed"; meaning: string }>;
export type TFailReason = keyof typeof FAIL_REASONS;

export const SCAN_TYPES = ["login", "sign", "decrypt", "sync_subject"] as const;
export const SCAN_STATUSES = ["pending", "scanned", "completed", "rejected", "expired", "failed"] as const;
export type TScanStatus = (typeof SCAN_STATUSES)[number];

const pem = z.string().describe("PEM");
const commonResult = {
  certificate: pem.describe("The holder's certificate that did it (PEM). Verify its chain with x-openssl-recipes chain."),
  serial: z.string().describe("Its serial, lowercase hex."),
  subject: z
    .string()
    .describe(
      'Its subject DN as `type=value` pairs joined by ", " in the certificate\'s own (X.500) order, most significant first (C=CN, O=…, CN=…, serialNumber=…): the reverse of RFC 4514\'s order, and values are not escaped.',
    ),
};
const encryptionCertificate = z
  .string()
  .nullable()
  .describe("PEM of the holder's encryption certificate issued with the signing one (encrypt bid keys to it), or null.");

export const ZLoginResultSchema = z
  .object({
    ...commonResult,
    challenge: z.string().describe("Your challenge, echoed."),
    signature: z.string().describe(`base64 DER SM2 signature (SM3, user ID ${SM2_USER_ID}) over the challenge's UTF-8 bytes. x-openssl-recipes login.`),
    encryptionCertificate,
  })
  .meta({ id: "LoginResult", title: "login" });

export const ZSignResultSchema = z
  .object({
    ...commonResult,
    digest: z.string().describe("Your SM3 digest, echoed (lowercase hex)."),
    cms: z
      .string()
      .describe(`base64 DER detached CMS SignedData; its messageDigest is the digest, the signer info is SM2 (SM3, user ID ${SM2_USER_ID}), the signer's certificate inside. x-openssl-recipes cms.`),
    sealId: z.string().nullable().describe("The seal stamped with, or null (see withSeal)."),
    seal: ZPlatformSealSchema.nullable(),
    sessionId: z
      .string()
      .optional()
      .describe(
        `Present when the request opened a signing session (会话签章) or arrived through one: pass it with later sign requests for the same certificate; they reach the phone without a scan until the session ends. The holder chooses the session's length on the phone (${SESSION_MINUTES.join(", ")} minutes; 30 by default) and may end it at any time.`,
      ),
  })
  .meta({ id: "SignResult", title: "sign" });

export const ZDecryptResultSchema = z
  .object({
    ...commonResult,
    plaintext: z
      .string()
      .nullable()
      .describe(
        "The decrypted bytes (base64): the bid's key, IN CLEAR in this body, in the event stream and in webhooks, unless you sent resultEncryptionKey. null when you did, and 24 hours after completion (then plaintextWiped: true).",
      ),
    encryptedPlaintext: z
      .string()
      .optional()
      .describe("With resultEncryptionKey: the decrypted bytes SM2-encrypted to your key (GM/T 0009 DER, base64); open with `openssl pkeyutl -decrypt -inkey your-key.pem`."),
    plaintextWiped: z.boolean().optional(),
  })
  .meta({ id: "DecryptResult", title: "decrypt" });

const ZPlatformRefSchema = z.object({ code: z.string(), name: z.string() });

export const SEAL_KINDS = ["official", "legal_rep", "personal", "contract", "legal_rep_signature", "handwritten"] as const;

const ZLibrarySealSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SEAL_KINDS),
  imageUrl: z.url().optional().describe("Present only where the seal has a served image."),
});

/** An enterprise's registered data and approved seals (the organization subject library, without the holder's platforms). */
const organizationFields = {
  name: z.string(),
  uscc: z.string().describe("统一社会信用代码 (18 characters)"),
  legalRepName: z.string(),
  address: z.string().nullable(),
  seals: z.array(ZLibrarySealSchema).describe("The enterprise's approved seals."),
};

export const ZSubjectLibrarySchema = z
  .discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("organization"),
        ...organizationFields,
        platforms: z.array(ZPlatformRefSchema).describe("The trading platforms the holder may use the enterprise certificate on."),
      })
      .meta({ title: "organization" }),
    z
      .object({ kind: z.literal("person"), name: z.string(), idNumberMasked: z.string().nullable().meta({ examples: ["1101**********1234"] }) })
      .meta({ title: "person" }),
  ])
  .meta({
    id: "SubjectLibrary",
    description:
      "The subject library of the certificate the holder scanned with. kind organization (an enterprise certificate): the enterprise's registered data, the trading platforms the holder may use the enterprise certificate on (every active platform for the enterprise's administrator, else the platforms the administrator authorized them for), and the enterprise's active seals (imageUrl only once seal images are served). kind person (a personal certificate): the certificate subject's name and masked ID number (region and last four kept).",
    examples: [
      {
        kind: "organization",
        name: "示例建设工程有限公司",
        uscc: "91110108MA01ABCDE1",
        legalRepName: "王五",
        address: "北京市海淀区中关村大街 1 号",
        platforms: [{ code: "demo-tender", name: "演示招投标交易平台" }],
        seals: [{ id: "clseal0000000000000000001", name: "示例建设工程有限公司 公章", kind: "official" }],
      },
      { kind: "person", name: "张三", idNumberMasked: "1101**********1234" },
    ],
  });
export type TSubjectLibrary = z.infer<typeof ZSubjectLibrarySchema>;

export const ZSyncSubjectResultSchema = z
  .object({
    ...commonResult,
    subjectName: z.string().describe("The certificate subject's name (the enterprise or the person)."),
    encryptionCertificate: encryptionCertificate.describe("PEM of the holder's encryption certificate, or null."),
    subjectLibrary: ZSubjectLibrarySchema,
  })
  .meta({ id: "SyncSubjectResult", title: "sync_subject" });

export type TLoginResult = z.infer<typeof ZLoginResultSchema>;
export type TSignResult = z.infer<typeof ZSignResultSchema>;
export type TDecryptResult = z.infer<typeof ZDecryptResultSchema>;
export type TSyncSubjectResult = z.infer<typeof ZSyncSubjectResultSchema>;
export type TScanResult = TLoginResult | TSignResult | TDecryptResult | TSyncSubjectResult;

const failReasonText = Object.entries(FAIL_REASONS)
  .map(([code, r]) => `${code} (${r.status}): ${r.meaning}`)
  .join(" ");

/** The fields every scan request view has, whatever its type. */
const scanRequestFields = {
  id: z.string(),
  status: z
    .enum(SCAN_STATUSES)
    .describe(
      "pending → scanned (a holder opened the QR, or the request arrived through a signing session) → one final state: completed (result set), rejected (failReason: declined or refused), expired (expiresAt passed first), failed (failReason: the operation could not be done).",
    ),
  clientRef: z.string().nullable().describe("Your reference, echoed."),
  expiresAt: z.iso.datetime(),
  scannedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable().describe("When it completed, was rejected or failed (null for expired)."),
  qrContent: z
    .string()
    .nullable()
    .describe(
      "The QR to show (a URL the CertDesk app or any phone camera opens) while pending; null from the scan on and once expired. A request sent into a signing session has one too: the holder may also scan it.",
    ),
  failReason: z
    .enum(Object.keys(FAIL_REASONS) as [TFailReason, ...TFailReason[]])
    .nullable()
    .describe(`Why a request ended rejected or failed (null otherwise). ${failReasonText} Other values may be added; treat an unknown one as a refusal.`)
    .meta({ examples: ["not_authorized_for_platform"] }),
};

const resultText = "null until completed; then the result of this type.";
const scanRequestOf = <T extends (typeof SCAN_TYPES)[number], R extends z.ZodType>(type: T, result: R, id: string) =>
  z.object({ ...scanRequestFields, type: z.literal(type), result: result.nullable().describe(resultText) }).meta({ id, title: `${type} request` });

/**
 * A scan request as its platform sees it; `type` tells the result's shape (LoginResult, SignResult,
 * DecryptResult or SyncSubjectResult).
 */
export const ZScanRequestViewSchema = z
  .discriminatedUnion("type", [
    scanRequestOf("login", ZLoginResultSchema, "LoginScanRequest"),
    scanRequestOf("sign", ZSignResultSchema, "SignScanRequest"),
    scanRequestOf("decrypt", ZDecryptResultSchema, "DecryptScanRequest"),
    scanRequestOf("sync_subject", ZSyncSubjectResultSchema, "SyncSubjectScanRequest"),
  ])
  .meta({ id: "ScanRequest", description: "A scan request: its state, the QR while pending, and once completed the result of its type (result: null before)." });
export type TScanRequestView = z.infer<typeof ZScanRequestViewSchema>;

/** GET /api/v1/scan-requests — the platform's own requests (its usage records), newest first. */
export const ZListScanRequestsQuerySchema = z.object({
  from: z.iso.datetime({ error: "scan.errors.dateTime" }).optional().describe("Created at or after (ISO 8601)."),
  to: z.iso.datetime({ error: "scan.errors.dateTime" }).optional().describe("Created before (ISO 8601)."),
  type: z.enum(SCAN_TYPES, { error: "scan.errors.scanType" }).optional(),
  status: z.enum(SCAN_STATUSES, { error: "scan.errors.scanStatus" }).optional(),
  clientRef: z.string().min(1).max(128).optional().describe("Only requests with this clientRef."),
  limit: z.coerce.number({ error: "scan.errors.limit" }).int("scan.errors.limit").min(1, "scan.errors.limit").max(100, "scan.errors.limit").default(50),
  cursor: z.string().min(1).max(128).optional().describe("nextCursor of the previous page."),
});
export type TListScanRequestsQuery = z.infer<typeof ZListScanRequestsQuerySchema>;

export const ZScanRequestRecordSchema = z
  .object({
    id: z.string(),
    type: z.enum(SCAN_TYPES),
    status: scanRequestFields.status,
    clientRef: scanRequestFields.clientRef,
    title: z.string().nullable().describe("The sign or decrypt request's title."),
    createdAt: z.iso.datetime(),
    scannedAt: scanRequestFields.scannedAt,
    completedAt: scanRequestFields.completedAt,
    expiresAt: scanRequestFields.expiresAt,
    failReason: scanRequestFields.failReason,
    serial: z.string().nullable().describe("The serial of the certificate that completed it (lowercase hex), else null."),
    sessionId: z.string().nullable().describe("The signing session it arrived through (会话签章), else null."),
  })
  .meta({ id: "ScanRequestRecord", description: "One of your requests as a usage record: no result, no QR (GET /scan-requests/{id} has them while kept)." });

export const ZScanRequestListSchema = z
  .object({
    records: z.array(ZScanRequestRecordSchema),
    nextCursor: z.string().nullable().describe("Pass as cursor for the next (older) page; null on the last page."),
  })
  .meta({ id: "ScanRequestList" });
export type TScanRequestList = z.infer<typeof ZScanRequestListSchema>;

const sequenceList = Object.entries(WEBHOOK_SEQUENCE)
  .map(([status, n]) => `${status} ${n}`)
  .join(", ");

/** The body of a webhook delivery (lib/server/scan/deliver-scan-webhook.ts). */
export const ZWebhookDeliverySchema = z
  .object({
    deliveryId: z.string().describe("Unique per event; every retry of the event carries the same id (and the same body)."),
    sequence: z
      .number()
      .int()
      .min(1)
      .describe(`The state's place in the request's life, increasing with each state it reaches: ${sequenceList}. A later state always has a greater sequence than an earlier one.`),
    occurredAt: z.iso.datetime().describe("When the request reached this state (not when this attempt was sent)."),
    event: z.literal(WEBHOOK_EVENT),
    data: ZScanRequestViewSchema,
  })
  .meta({ id: "WebhookDelivery" });
export type TWebhookDelivery = z.infer<typeof ZWebhookDeliverySchema>;
