import { z } from "zod";
import { env } from "@/lib/env";
import { SIGNATURE_HEADER, WEBHOOK_TOLERANCE_SECONDS } from "@/lib/platform/webhook-signature";
import {
  DELIVERY_HEADER,
  EVENT_TIME_HEADER,
  SEEN_DELIVERY_RETENTION_SECONDS,
  SEQUENCE_HEADER,
  WEBHOOK_EVENT,
  WEBHOOK_SEQUENCE,
} from "@/lib/platform/webhook-delivery";
import { ZCreateScanRequestSchema } from "./scan.types";
import { pdfVerificationSchema, sealPaths, sealSchema } from "@/lib/server/seals/seal-openapi";
import { subjectMatchPaths } from "@/lib/server/certs/subject-match-openapi";

const ERROR_CODES = ["unauthenticated", "validation_failed", "not_found", "conflict", "gone", "rate_limited", "internal"];

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ERROR_CODES, description: "Stable, snake_case; program against this." },
        message: { type: "string", description: "Human text in the Accept-Language (zh-CN default, en)." },
        fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
        retryAfter: { type: "integer" },
      },
    },
  },
};

const scanView = {
  type: "object",
  properties: {
    id: { type: "string" },
    type: { type: "string", enum: ["login", "sign", "decrypt", "sync_subject"] },
    status: { type: "string", enum: ["pending", "scanned", "completed", "rejected", "expired", "failed"] },
    clientRef: { type: ["string", "null"] },
    expiresAt: { type: "string", format: "date-time" },
    scannedAt: { type: ["string", "null"], format: "date-time" },
    completedAt: { type: ["string", "null"], format: "date-time" },
    failReason: {
      type: ["string", "null"],
      description:
        "Why a request ended rejected or failed. declined_by_user: the holder declined on the phone. not_authorized_for_platform: the holder's enterprise certificate is not authorized for your platform by the enterprise's administrator (授权管理), so it was refused on the phone; the holder can ask the administrator to authorize them. not_a_member: the holder is no longer a member of the enterprise whose certificate it is. Other values may be added; treat an unknown one as a refusal.",
      examples: ["not_authorized_for_platform"],
    },
    result: {
      description:
        "Once completed. Every type: certificate (PEM), serial, subject. login: challenge, signature (base64 DER SM2 over the challenge's UTF-8 bytes, user ID 1234567812345678), encryptionCertificate (PEM of the holder's encryption certificate, or null). sign: digest, cms (base64 detached CMS SignedData whose messageDigest is the digest), sealId and seal (see Seal: the seal the holder stamped with — picture PNG and SES_Seal — or null; a request with withSeal offers the holder's seals, sealRequired makes one mandatory, sealId names the one already on your document), sessionId (set when the holder opened a signing session 会话签章: pass it with later sign requests for the same certificate, which then reach the phone without a scan until the session expires or the holder ends it). sync_subject: subjectName, encryptionCertificate, subjectLibrary (see SubjectLibrary: the enterprise's name, USCC, legal representative, address, the holder's authorized platforms and seals; or a person's name and masked ID number). decrypt: plaintext (base64), kept for 24 hours after completion (sealed at rest), then null with plaintextWiped: true.",
      type: ["object", "null"],
      properties: { subjectLibrary: { $ref: "#/components/schemas/SubjectLibrary" }, seal: { oneOf: [{ $ref: "#/components/schemas/Seal" }, { type: "null" }] } },
    },
  },
};

const platformRef = { type: "object", required: ["code", "name"], properties: { code: { type: "string" }, name: { type: "string" } } };

/** result.subjectLibrary of a completed sync_subject request (扫码同步主体库). */
const subjectLibrary = {
  description:
    "The subject library of the certificate the holder scanned with. kind organization (an enterprise certificate): the enterprise's registered data, the trading platforms the holder may use the enterprise certificate on (every active platform for the enterprise's administrator, else the platforms the administrator authorized them for), and the enterprise's active seals (imageUrl only once seal images are served). kind person (a personal certificate): the certificate subject's name and masked ID number (region and last four kept).",
  oneOf: [
    {
      type: "object",
      title: "organization",
      required: ["kind", "name", "uscc", "legalRepName", "address", "platforms", "seals"],
      properties: {
        kind: { const: "organization" },
        name: { type: "string" },
        uscc: { type: "string", description: "统一社会信用代码 (18 characters)" },
        legalRepName: { type: "string" },
        address: { type: ["string", "null"] },
        platforms: { type: "array", items: platformRef },
        seals: {
          type: "array",
          items: {
            type: "object",
            required: ["id", "name", "kind"],
            properties: {
              id: { type: "string" },
              name: { type: "string" },
              kind: { type: "string", enum: ["official", "legal_rep", "personal", "contract"] },
              imageUrl: { type: "string", format: "uri", description: "Present only where the seal has a served image." },
            },
          },
        },
      },
    },
    {
      type: "object",
      title: "person",
      required: ["kind", "name", "idNumberMasked"],
      properties: { kind: { const: "person" }, name: { type: "string" }, idNumberMasked: { type: ["string", "null"], examples: ["1101**********1234"] } },
    },
  ],
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
};

/** A header's name as documented: x-certdesk-signature → X-CertDesk-Signature. */
export const headerName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase()).replace("Certdesk", "CertDesk");
const sequenceList = Object.entries(WEBHOOK_SEQUENCE)
  .map(([status, n]) => `${status} ${n}`)
  .join(", ");

/** What a receiver must do with a delivery, in order (also shown on /developers). */
export const WEBHOOK_RECEIVER_RULES = [
  `Verify ${headerName(SIGNATURE_HEADER)}: t=<unix seconds>,v1=<hex>, where v1 = HMAC-SHA256(client_secret, "<t>.<raw body bytes>"). Compute it over the raw bytes before parsing JSON and compare in constant time; refuse (401) a bad MAC.`,
  `Refuse (401) a delivery whose t is more than ${WEBHOOK_TOLERANCE_SECONDS} seconds from your clock, either way. Retries are signed afresh, so a genuine retry is never stale.`,
  `Take deliveryId, sequence and occurredAt from the verified body: the MAC covers them. The ${headerName(DELIVERY_HEADER)}, ${headerName(SEQUENCE_HEADER)} and ${headerName(EVENT_TIME_HEADER)} headers repeat them for routing and logs; refuse a delivery whose headers disagree with its body.`,
  `Drop a deliveryId you have already seen, and answer 2xx: it is a retry or a replay of something you applied. Keep seen ids for at least ${SEEN_DELIVERY_RETENTION_SECONDS} seconds (twice the tolerance, since a timestamp may be ahead of your clock), in storage every instance of your platform shares.`,
  `Keep, per scan request (data.id), the highest sequence you applied. Drop a delivery whose sequence is not greater, and answer 2xx: it is an older state arriving late (out of order, or replayed). This rule also catches a retry that arrives after its id has expired.`,
  `Answer 2xx only after the delivery is applied or dropped; any other answer or no answer within 10 seconds is retried with the same deliveryId and body, with exponential backoff (2^n seconds, at most 1 hour, 10 attempts). A delivery for a state the request has already left is not sent, so sequences may skip a number.`,
];

const webhookDelivery = {
  type: "object",
  required: ["deliveryId", "sequence", "occurredAt", "event", "data"],
  properties: {
    deliveryId: { type: "string", description: "Unique per event; every retry of the event carries the same id (and the same body)." },
    sequence: {
      type: "integer",
      minimum: 1,
      description: `The state's place in the request's life, increasing with each state it reaches: ${sequenceList}. A later state always has a greater sequence than an earlier one.`,
    },
    occurredAt: { type: "string", format: "date-time", description: "When the request reached this state (not when this attempt was sent)." },
    event: { type: "string", enum: [WEBHOOK_EVENT] },
    data: { $ref: "#/components/schemas/ScanRequest" },
  },
};

const errors = (codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: "Error", content: { "application/json": { schema: errorSchema } } }]));

/** The OpenAPI 3.1 description of the trading-platform API, served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "CertDesk trading-platform API",
      version: "1.0.0",
      description:
        "Ask a cloud-certificate holder to log in, sign, decrypt or share subject data by scanning a QR code with the CertDesk phone app. Authenticate with HTTP Basic (client id and secret from the CA console). Progress is reported by polling, by server-sent events, and by webhooks: each state a request reaches (scanned, then completed or rejected) is POSTed to the platform's webhook URL, signed with X-CertDesk-Signature: t=<unix>,v1=HMAC-SHA256(secret, `${t}.${body}`). Every delivery carries a deliveryId and a per-request sequence inside the signed body: receivers verify the signature, refuse timestamps older than 5 minutes, and drop (with a 2xx) delivery ids already seen and sequences not greater than the last one applied. See webhooks → scanRequestUpdated.",
    },
    servers: [{ url: `${env().APP_URL}/api/v1` }],
    components: {
      securitySchemes: { basic: { type: "http", scheme: "basic" } },
      schemas: {
        Error: errorSchema,
        ScanRequest: scanView,
        SubjectLibrary: subjectLibrary,
        CreateScanRequest: z.toJSONSchema(ZCreateScanRequestSchema, { io: "input" }),
        WebhookDelivery: webhookDelivery,
        Seal: sealSchema,
        PdfVerification: pdfVerificationSchema,
      },
    },
    security: [{ basic: [] }],
    webhooks: {
      scanRequestUpdated: {
        post: {
          summary: `${WEBHOOK_EVENT}: a scan request reached a new state`,
          description: `CertDesk POSTs to the platform's webhook URL. Receiver rules:\n${WEBHOOK_RECEIVER_RULES.map((r, i) => `${i + 1}. ${r}`).join("\n")}`,
          parameters: [
            { name: headerName(SIGNATURE_HEADER), in: "header", required: true, schema: { type: "string" }, description: "t=<unix seconds>,v1=<hex HMAC-SHA256 over `${t}.${raw body}`>" },
            { name: headerName(DELIVERY_HEADER), in: "header", required: true, schema: { type: "string" }, description: "The body's deliveryId." },
            { name: headerName(SEQUENCE_HEADER), in: "header", required: true, schema: { type: "integer" }, description: "The body's sequence." },
            { name: headerName(EVENT_TIME_HEADER), in: "header", required: true, schema: { type: "string", format: "date-time" }, description: "The body's occurredAt." },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/WebhookDelivery" } } } },
          responses: {
            "200": { description: "Applied, or dropped as a duplicate id or an older sequence: CertDesk stops retrying this delivery." },
            "401": { description: "Bad signature or stale timestamp: CertDesk retries (a genuine delivery is re-signed on each attempt)." },
          },
        },
      },
    },
    paths: {
      ...sealPaths,
      ...subjectMatchPaths,
      "/scan-requests": {
        post: {
          summary: "Create a scan request",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/CreateScanRequest" } } } },
          responses: {
            "201": {
              description: "Created. Show qrContent as a QR code until expiresAt.",
              content: { "application/json": { schema: { allOf: [{ $ref: "#/components/schemas/ScanRequest" }, { type: "object", properties: { qrContent: { type: "string" } } }] } } },
            },
            ...errors([401, 422, 429]),
          },
        },
      },
      "/scan-requests/{id}": {
        get: {
          summary: "Status and result of a scan request (only the creating platform may read it)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "The request", content: { "application/json": { schema: { $ref: "#/components/schemas/ScanRequest" } } } }, ...errors([401, 404]) },
        },
      },
      "/scan-requests/{id}/events": {
        get: {
          summary: "Server-sent events: an `status` event with the ScanRequest on every change, until a final status",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "text/event-stream", content: { "text/event-stream": { schema: { type: "string" } } } }, ...errors([401, 404]) },
        },
      },
    },
  };
}
