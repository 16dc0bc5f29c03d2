import { z } from "zod";
import { env } from "@/lib/env";
import { ZCreateScanRequestSchema } from "./scan.types";

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
    failReason: { type: ["string", "null"] },
    result: {
      description:
        "Once completed. Every type: certificate (PEM), serial, subject. login: challenge, signature (base64 DER SM2 over the challenge's UTF-8 bytes, user ID 1234567812345678), encryptionCertificate (PEM of the holder's encryption certificate, or null). sign: digest, cms (base64 detached CMS SignedData whose messageDigest is the digest), sealId, sessionId (set when the holder opened a signing session 会话签章: pass it with later sign requests for the same certificate, which then reach the phone without a scan until the session expires or the holder ends it). sync_subject: subjectName, encryptionCertificate. decrypt: plaintext (base64).",
      type: ["object", "null"],
    },
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
        "Ask a cloud-certificate holder to log in, sign, decrypt or share subject data by scanning a QR code with the CertDesk phone app. Authenticate with HTTP Basic (client id and secret from the CA console). Completion is reported by polling, by server-sent events, and by a webhook signed with X-CertDesk-Signature: t=<unix>,v1=HMAC-SHA256(secret, `${t}.${body}`); refuse deliveries older than 5 minutes.",
    },
    servers: [{ url: `${env().APP_URL}/api/v1` }],
    components: {
      securitySchemes: { basic: { type: "http", scheme: "basic" } },
      schemas: { Error: errorSchema, ScanRequest: scanView, CreateScanRequest: z.toJSONSchema(ZCreateScanRequestSchema, { io: "input" }) },
    },
    security: [{ basic: [] }],
    paths: {
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
