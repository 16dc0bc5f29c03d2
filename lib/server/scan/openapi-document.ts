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
import { backoffSeconds } from "@/lib/server/jobs/run-jobs";
import { ZPutWebhookSettingsSchema } from "@/lib/server/platforms/platform.types";
import { opensslRecipesExtension, pkiCaSchema, pkiPaths } from "@/lib/server/ca/pki-openapi";
import { SM2_USER_ID } from "@/lib/platform/openssl-recipes";
import { SESSION_MINUTES } from "./phone-scan.types";
import { ZCreateScanRequestSchema } from "./scan.types";
import { pdfVerificationSchema, sealPaths, sealSchema } from "@/lib/server/seals/seal-openapi";
import { subjectMatchPaths } from "@/lib/server/certs/subject-match-openapi";

/** Every code the platform API answers with, and when (the HTTP status is fixed per code). */
const ERROR_CODES: Record<string, string> = {
  bad_request: "400: the body is not JSON.",
  unauthenticated: "401: no or wrong HTTP Basic credentials (WWW-Authenticate: Basic).",
  not_found: "404: no such request for this platform, no such path under /api, a subject not matched.",
  method_not_allowed: "405: the path does not serve this method; Allow lists the ones it does.",
  conflict: "409: PUT /platform/webhook raced a change of the callback URLs in the console: read them again and retry.",
  gone: "410: sessionId names a signing session that has ended or expired: send an ordinary request (the holder scans again).",
  payload_too_large: "413: the body is over the route's limit (64 KiB for JSON, the PDF limit for /pdf/verify).",
  unsupported_media_type: "415: the body is not application/json (or the route's declared type).",
  validation_failed: "422: the body or query failed validation; `fields` names each bad field with texts in the Accept-Language.",
  rate_limited: "429: over a limit; wait `retryAfter` seconds (also the Retry-After header).",
  internal: "500: our fault; safe to retry the same request later.",
};

// The platform API's version and what changed (also info.x-changelog).
const CHANGELOG = [
  {
    version: "1.1.0",
    date: "2026-12-02",
    changes: [
      "Webhooks for every state (scanned, completed, rejected, expired, failed); GET/PUT /platform/webhook.",
      "failed with failReason decrypt_failed as soon as a decryption fails; ciphertexts checked on creation.",
      "sessionId: an unknown or foreign session is 422, an ended one 410; results echo sessionId.",
      "qrContent in GET and in events while pending; events carry id: <sequence> and resume with Last-Event-ID.",
      "resultEncryptionKey for decrypt requests (result.encryptedPlaintext).",
      "JSON 404/405 under /api; field texts in the Accept-Language; the PKI endpoints and OpenSSL recipes in this document.",
      "GET /certificates/{serial}: status and chain as JSON.",
      "document (fileName, sizeBytes, pages) on sign requests: shown on the phone's confirmation with the digest's short SM3 fingerprint and the seal to be used.",
    ],
  },
  { version: "1.0.0", date: "2026-11-01", changes: ["Scan requests (login, sign, decrypt, sync_subject), polling, events, signed webhooks; seals; PDF verification."] },
];

/** failReason values (a rejected or failed request), with what each means. */
export const FAIL_REASONS: Record<string, { status: "rejected" | "failed"; meaning: string }> = {
  declined_by_user: { status: "rejected", meaning: "the holder declined on the phone." },
  not_authorized_for_platform: {
    status: "rejected",
    meaning: "the holder's enterprise certificate is not authorized for your platform by the enterprise's administrator (授权管理), so it was refused on the phone; the holder can ask the administrator to authorize them.",
  },
  not_a_member: { status: "rejected", meaning: "the holder is no longer a member of the enterprise whose certificate it is." },
  decrypt_failed: {
    status: "failed",
    meaning: "the phone ran the PIN-checked joint decryption and the ciphertext did not open with the holder's encryption key (encrypted to another certificate, or damaged). Reported at once; a new request is needed.",
  },
};

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          enum: Object.keys(ERROR_CODES),
          description: `Stable, snake_case; program against this, not the message. ${Object.entries(ERROR_CODES).map(([c, d]) => `${c} ${d}`).join(" ")}`,
        },
        message: { type: "string", description: "Human text in the Accept-Language (zh-CN default, en)." },
        fields: { type: "object", description: "validation_failed (and some gone): the bad fields' paths (e.g. sessionId, challenge) with texts in the Accept-Language.", additionalProperties: { type: "array", items: { type: "string" } } },
        retryAfter: { type: "integer", description: "rate_limited: seconds to wait." },
      },
    },
  },
};

const pem = { type: "string", description: "PEM" };
const commonResult = {
  certificate: { ...pem, description: "The holder's certificate that did it (PEM). Verify its chain with x-openssl-recipes chain." },
  serial: { type: "string", description: "Its serial, lowercase hex." },
  subject: {
    type: "string",
    description:
      "Its subject DN as `type=value` pairs joined by \", \" in the certificate's own (X.500) order, most significant first (C=CN, O=…, CN=…, serialNumber=…): the reverse of RFC 4514's order, and values are not escaped.",
  },
};

/** result of a completed request, one shape per type (told apart by the request's `type`). */
const scanResults = {
  LoginResult: {
    type: "object",
    title: "login",
    required: ["certificate", "serial", "subject", "challenge", "signature", "encryptionCertificate"],
    properties: {
      ...commonResult,
      challenge: { type: "string", description: "Your challenge, echoed." },
      signature: { type: "string", description: `base64 DER SM2 signature (SM3, user ID ${SM2_USER_ID}) over the challenge's UTF-8 bytes. x-openssl-recipes login.` },
      encryptionCertificate: { type: ["string", "null"], description: "PEM of the holder's encryption certificate issued with the signing one (encrypt bid keys to it), or null." },
    },
  },
  SignResult: {
    type: "object",
    title: "sign",
    required: ["certificate", "serial", "subject", "digest", "cms", "sealId", "seal"],
    properties: {
      ...commonResult,
      digest: { type: "string", description: "Your SM3 digest, echoed (lowercase hex)." },
      cms: { type: "string", description: `base64 DER detached CMS SignedData; its messageDigest is the digest, the signer info is SM2 (SM3, user ID ${SM2_USER_ID}), the signer's certificate inside. x-openssl-recipes cms.` },
      sealId: { type: ["string", "null"], description: "The seal stamped with, or null (see withSeal)." },
      seal: { oneOf: [{ $ref: "#/components/schemas/Seal" }, { type: "null" }] },
      sessionId: {
        type: "string",
        description: `Present when the request opened a signing session (会话签章) or arrived through one: pass it with later sign requests for the same certificate; they reach the phone without a scan until the session ends. The holder chooses the session's length on the phone (${SESSION_MINUTES.join(", ")} minutes; 30 by default) and may end it at any time.`,
      },
    },
  },
  DecryptResult: {
    type: "object",
    title: "decrypt",
    required: ["certificate", "serial", "subject", "plaintext"],
    properties: {
      ...commonResult,
      plaintext: {
        type: ["string", "null"],
        description:
          "The decrypted bytes (base64): the bid's key, IN CLEAR in this body, in the event stream and in webhooks, unless you sent resultEncryptionKey. null when you did, and 24 hours after completion (then plaintextWiped: true).",
      },
      encryptedPlaintext: { type: "string", description: "With resultEncryptionKey: the decrypted bytes SM2-encrypted to your key (GM/T 0009 DER, base64); open with `openssl pkeyutl -decrypt -inkey your-key.pem`." },
      plaintextWiped: { type: "boolean" },
    },
  },
  SyncSubjectResult: {
    type: "object",
    title: "sync_subject",
    required: ["certificate", "serial", "subject", "subjectName", "encryptionCertificate", "subjectLibrary"],
    properties: {
      ...commonResult,
      subjectName: { type: "string", description: "The certificate subject's name (the enterprise or the person)." },
      encryptionCertificate: { type: ["string", "null"], description: "PEM of the holder's encryption certificate, or null." },
      subjectLibrary: { $ref: "#/components/schemas/SubjectLibrary" },
    },
  },
};

const failReasonText = Object.entries(FAIL_REASONS)
  .map(([code, r]) => `${code} (${r.status}): ${r.meaning}`)
  .join(" ");

const scanView = {
  type: "object",
  required: ["id", "type", "status", "clientRef", "expiresAt", "scannedAt", "completedAt", "result", "failReason", "qrContent"],
  properties: {
    id: { type: "string" },
    type: { type: "string", enum: ["login", "sign", "decrypt", "sync_subject"] },
    status: {
      type: "string",
      enum: ["pending", "scanned", "completed", "rejected", "expired", "failed"],
      description:
        "pending → scanned (a holder opened the QR, or the request arrived through a signing session) → one final state: completed (result set), rejected (failReason: declined or refused), expired (expiresAt passed first), failed (failReason: the operation could not be done).",
    },
    clientRef: { type: ["string", "null"], description: "Your reference, echoed." },
    expiresAt: { type: "string", format: "date-time" },
    scannedAt: { type: ["string", "null"], format: "date-time" },
    completedAt: { type: ["string", "null"], format: "date-time", description: "When it completed, was rejected or failed (null for expired)." },
    qrContent: { type: ["string", "null"], description: "The QR to show (a URL the CertDesk app or any phone camera opens) while pending; null from the scan on and once expired. A request sent into a signing session has one too: the holder may also scan it." },
    failReason: { type: ["string", "null"], enum: [...Object.keys(FAIL_REASONS), null], description: `Why a request ended rejected or failed. ${failReasonText} Other values may be added; treat an unknown one as a refusal.`, examples: ["not_authorized_for_platform"] },
    result: {
      description: "null until completed; then one shape per type (login, sign, decrypt, sync_subject).",
      oneOf: [
        { type: "null" },
        { $ref: "#/components/schemas/LoginResult" },
        { $ref: "#/components/schemas/SignResult" },
        { $ref: "#/components/schemas/DecryptResult" },
        { $ref: "#/components/schemas/SyncSubjectResult" },
      ],
    },
  },
};

const certificateStatus = {
  type: "object",
  required: ["serial", "usage", "subject", "notBefore", "notAfter", "status", "revokedAt", "revocationReason", "certificate", "chain", "ocspUrl", "crlUrl", "checkedAt"],
  properties: {
    serial: { type: "string", description: "Lowercase hex." },
    usage: { type: "string", enum: ["sign", "encrypt"] },
    subject: commonResult.subject,
    notBefore: { type: "string", format: "date-time" },
    notAfter: { type: "string", format: "date-time" },
    status: { type: "string", enum: ["valid", "revoked", "expired"], description: "From the rows the OCSP responder answers from, at checkedAt." },
    revokedAt: { type: ["string", "null"], format: "date-time" },
    revocationReason: { type: ["string", "null"], description: "RFC 5280 reason name (keyCompromise, affiliationChanged, superseded, cessationOfOperation, …)." },
    certificate: pem,
    chain: { type: "array", items: pem, description: "The issuing CA's certificate, then the root's (PEM)." },
    ocspUrl: { type: "string", format: "uri" },
    crlUrl: { type: "string", format: "uri" },
    checkedAt: { type: "string", format: "date-time" },
  },
};

const webhookSettings = {
  type: "object",
  required: ["code", "webhookUrl", "callbackUrls"],
  properties: {
    code: { type: "string", description: "Your platform's code." },
    webhookUrl: { type: ["string", "null"], format: "uri" },
    callbackUrls: { type: "array", items: { type: "string", format: "uri" }, description: "Registered by the CA (console); a webhook URL must be on one of their origins." },
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

/** Seconds before each webhook retry (the job queue's backoff; 10 attempts). */
export const RETRY_SCHEDULE = Array.from({ length: 9 }, (_, i) => backoffSeconds(i + 1));

/** What a receiver must do with a delivery, in order (also shown on /developers). */
export const WEBHOOK_RECEIVER_RULES = [
  `Verify ${headerName(SIGNATURE_HEADER)}: t=<unix seconds>,v1=<hex>, where v1 = HMAC-SHA256(client_secret, "<t>.<raw body bytes>"). Compute it over the raw bytes before parsing JSON and compare in constant time; refuse (401) a bad MAC.`,
  `Refuse (401) a delivery whose t is more than ${WEBHOOK_TOLERANCE_SECONDS} seconds from your clock, either way. Retries are signed afresh, so a genuine retry is never stale.`,
  `Take deliveryId, sequence and occurredAt from the verified body: the MAC covers them. The ${headerName(DELIVERY_HEADER)}, ${headerName(SEQUENCE_HEADER)} and ${headerName(EVENT_TIME_HEADER)} headers repeat them for routing and logs; refuse a delivery whose headers disagree with its body.`,
  `Drop a deliveryId you have already seen, and answer 2xx: it is a retry or a replay of something you applied. Keep seen ids for at least ${SEEN_DELIVERY_RETENTION_SECONDS} seconds (twice the tolerance, since a timestamp may be ahead of your clock), in storage every instance of your platform shares.`,
  `Keep, per scan request (data.id), the highest sequence you applied. Drop a delivery whose sequence is not greater, and answer 2xx: it is an older state arriving late (out of order, or replayed). This rule also catches a retry that arrives after its id has expired.`,
  `Answer 2xx only after the delivery is applied or dropped; any other answer, a redirect, or no answer within 10 seconds is retried with the same deliveryId and body: 10 attempts in all, retry n about ${RETRY_SCHEDULE.join(", ")} seconds after the previous failure (2^n, within a second). A delivery for a state the request has already left by the time it is first sent is not sent (the later state's delivery follows), so sequences may skip a number.`,
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

const DESCRIPTION = (perMinute: number) =>
  [
    "Ask a cloud-certificate holder to log in, sign, decrypt or share subject data by scanning a QR code with the CertDesk phone app, and check what comes back against CertDesk's public PKI. This document is the reference: every answer below is what the API does.",
    "",
    "**Authentication.** HTTP Basic: client id and client secret from the CA console (the secret is shown once). The same secret signs webhooks.",
    "",
    `**Limits.** At most ${perMinute} scan requests created per minute per platform (POST /scan-requests; 429 rate_limited with retryAfter and Retry-After). A request lives expiresIn seconds (30–600, default 120). POST /subjects/match has its own limits (see there).`,
    "",
    "**Errors.** Every answer under /api is JSON; an error is `{ error: { code, message, fields?, retryAfter? } }` (schema Error, with each code's meaning). Unknown paths are 404 not_found, a method a path does not serve is 405 method_not_allowed with an Allow header. `message` and the `fields` texts follow Accept-Language (zh-CN by default, en).",
    "",
    "**Progress.** Three ways, same states (ScanRequest.status): poll GET /scan-requests/{id}; read GET /scan-requests/{id}/events (server-sent events, one per state, resumable); or receive webhooks (every state after pending: scanned, completed, rejected, expired, failed), see webhooks → scanRequestUpdated.",
    "",
    "**Bid keys.** A completed decrypt carries the decrypted key in result.plaintext in clear, in the GET body, the event stream and the webhook body alike, unless the request sent resultEncryptionKey (your SM2 public key): then only result.encryptedPlaintext, encrypted to you. Webhook URLs must be https outside demo mode and on a registered callback URL's origin.",
    "",
    `**Signatures and certificates.** SM2 with SM3 throughout, user ID ${SM2_USER_ID} (GM/T 0009) for every signature CertDesk or a holder makes: certificates, CRLs, OCSP responses, CMS signer infos, login signatures. OpenSSL 3.0 defaults to an empty ID: x-openssl-recipes gives the commands that verify each artifact (tested as written). The PKI endpoints are under /pki (no credentials).`,
    "",
    "**Decrypt input.** `ciphertext` is an SM2 ciphertext of at most a few kilobytes, base64 (or base64url): GM/T 0009 DER (SEQUENCE { x, y, C3, C2 }, what `openssl pkeyutl -encrypt` writes) or raw C1C3C2 (04 || x || y || C3 || C2). C1 must be on the curve; anything else is refused on creation (422, fields.ciphertext).",
    "",
    "**What the holder reads before the PIN (sign requests).** The phone's confirmation shows your platform's name, the title, the document's fileName (with its extension), its size and page count when you send `document { fileName, sizeBytes?, pages? }`, the SM3 fingerprint of `digest` (its first and last 8 hex digits in groups of four, e.g. `66c7 f0f4 … 8f4b a8e0`: show the same on your page so the bidder can compare), and the seal the signature will carry (or 不加盖印章). Without `document` it says the platform gave no file name, size or pages; send it whenever you know them.",
    "",
    "**Seals on sign requests.** withSeal offers the holder's seals usable with the chosen certificate; the holder may still sign without one (result.sealId null): that is the documented meaning, not an error. sealRequired makes a seal mandatory: a holder with no usable seal cannot confirm (the request ends declined or expired). sealId names the one seal allowed.",
    "",
    "**Versioning.** This is /api/v1; additions keep it (new fields, new failReason or error codes: treat unknown ones as a refusal); a breaking change gets /api/v2. info.x-changelog lists the changes.",
  ].join("\n");

/** The OpenAPI 3.1 description of the trading-platform API, served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "CertDesk trading-platform API",
      version: CHANGELOG[0]!.version,
      description: DESCRIPTION(env().SCAN_PLATFORM_PER_MINUTE),
      "x-changelog": CHANGELOG,
    },
    servers: [{ url: `${env().APP_URL}/api/v1` }],
    "x-openssl-recipes": opensslRecipesExtension,
    components: {
      securitySchemes: { basic: { type: "http", scheme: "basic" } },
      schemas: {
        Error: errorSchema,
        ScanRequest: scanView,
        ...scanResults,
        SubjectLibrary: subjectLibrary,
        CreateScanRequest: z.toJSONSchema(ZCreateScanRequestSchema, { io: "input" }),
        WebhookDelivery: webhookDelivery,
        WebhookSettings: webhookSettings,
        PutWebhookSettings: z.toJSONSchema(ZPutWebhookSettingsSchema, { io: "input" }),
        Seal: sealSchema,
        PdfVerification: pdfVerificationSchema,
        PkiCa: pkiCaSchema,
        CertificateStatus: certificateStatus,
      },
    },
    security: [{ basic: [] }],
    webhooks: {
      scanRequestUpdated: {
        post: {
          summary: `${WEBHOOK_EVENT}: a scan request reached a new state (scanned, completed, rejected, expired or failed)`,
          description: `CertDesk POSTs one delivery per state a request reaches after pending, to the platform's webhook URL (set in the console or with PUT /platform/webhook). The body is JSON, the event name is ${WEBHOOK_EVENT}, data is the ScanRequest as it was in that state (for completed it carries the result: for decrypt the bid key in clear unless resultEncryptionKey was used). The signature's key is your client secret (UTF-8 bytes), the MAC is lowercase hex HMAC-SHA256 over "<t>.<raw body bytes>". Receiver rules:\n${WEBHOOK_RECEIVER_RULES.map((r, i) => `${i + 1}. ${r}`).join("\n")}`,
          parameters: [
            { name: headerName(SIGNATURE_HEADER), in: "header", required: true, schema: { type: "string" }, description: "t=<unix seconds>,v1=<lowercase hex HMAC-SHA256(client_secret, `${t}.${raw body}`)>" },
            { name: headerName(DELIVERY_HEADER), in: "header", required: true, schema: { type: "string" }, description: "The body's deliveryId." },
            { name: headerName(SEQUENCE_HEADER), in: "header", required: true, schema: { type: "integer" }, description: "The body's sequence." },
            { name: headerName(EVENT_TIME_HEADER), in: "header", required: true, schema: { type: "string", format: "date-time" }, description: "The body's occurredAt." },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/WebhookDelivery" } } } },
          responses: {
            "200": { description: "Applied, or dropped as a duplicate id or an older sequence: CertDesk stops retrying this delivery (any 2xx)." },
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
          description:
            "One body per type (CreateScanRequest, told apart by `type`). Show qrContent as a QR code until expiresAt. sign with sessionId: the session must be one of yours and open, else 422 (unknown or another platform's; the two are not told apart) or 410 gone (ended or expired); never silently an ordinary request. decrypt: the ciphertext is checked now (see Decrypt input); resultEncryptionKey (an SM2 point, hex) is checked on the curve.",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/CreateScanRequest" } } } },
          responses: {
            "201": { description: "Created: status pending, qrContent set.", content: { "application/json": { schema: { $ref: "#/components/schemas/ScanRequest" } } } },
            ...errors([400, 401, 410, 413, 415, 422, 429]),
          },
        },
      },
      "/scan-requests/{id}": {
        get: {
          summary: "Status and result of a scan request (only the creating platform may read it)",
          description: "Also the QR again (qrContent) while pending, so a reloaded page can show it.",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "The request", content: { "application/json": { schema: { $ref: "#/components/schemas/ScanRequest" } } } }, ...errors([401, 404]) },
        },
      },
      "/scan-requests/{id}/events": {
        get: {
          summary: "Server-sent events: one `status` event per state the request reaches, until a final state",
          description:
            "Each event is `id: <sequence>` (pending 0, scanned 1, final 2), `event: status`, `data: <ScanRequest as in that state>`; no state is skipped, even one that passed between two reads (it is sent as it was, without result). Reconnecting with Last-Event-ID: <n> sends only the states after n (EventSource does this by itself). Lines starting with `:` keep the connection alive. The stream ends after the final state (or after 11 minutes); opened on a finished request it sends the whole history and ends.",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "Last-Event-ID", in: "header", required: false, schema: { type: "string", pattern: "^[0-2]$" } },
          ],
          responses: { "200": { description: "text/event-stream", content: { "text/event-stream": { schema: { type: "string" } } } }, ...errors([401, 404]) },
        },
      },
      "/certificates/{serial}": {
        get: {
          summary: "Status and chain of a certificate you were handed (JSON, instead of OCSP)",
          description:
            "For a certificate that completed a scan request with your platform (result.serial); any other serial is 404 not_found, as an unknown one. The status is the one OCSP gives (valid, revoked with time and reason, expired); check it before relying on an old signature's certificate. The same chain is at /pki/ca.",
          parameters: [{ name: "serial", in: "path", required: true, schema: { type: "string", pattern: "^[0-9a-fA-F]{2,64}$" } }],
          responses: { "200": { description: "The certificate", content: { "application/json": { schema: { $ref: "#/components/schemas/CertificateStatus" } } } }, ...errors([401, 404, 422]) },
        },
      },
      "/platform/webhook": {
        get: {
          summary: "Your webhook URL and registered callback URLs",
          responses: { "200": { description: "The settings", content: { "application/json": { schema: { $ref: "#/components/schemas/WebhookSettings" } } } }, ...errors([401]) },
        },
        put: {
          summary: "Set (or remove, with null) your webhook URL",
          description:
            "The URL must be on the origin (scheme, host, port) of one of your registered callback URLs, without user info, and https outside demo mode; else 422 with fields.webhookUrl. Callback URLs are registered by the CA. A console change of them racing this call is 409 conflict.",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/PutWebhookSettings" }, example: { webhookUrl: "https://tender.example/certdesk/webhook" } } } },
          responses: { "200": { description: "Saved", content: { "application/json": { schema: { $ref: "#/components/schemas/WebhookSettings" } } } }, ...errors([400, 401, 409, 415, 422]) },
        },
      },
      ...pkiPaths(),
    },
  };
}
