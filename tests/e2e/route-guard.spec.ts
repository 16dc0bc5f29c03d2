// Generated from the source tree: every route handler (app/**/route.ts × exported method) and every
// server action of the build is called anonymously and as applicant B on applicant A's resources;
// console actions also as an applicant. EXPECTATIONS below names each one's audience: a handler or
// action found on disk without an entry fails, so a route added later needs a decision.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { actionTable, fillPattern, routeTable, serverActionSources, type ActionEntry, type HttpMethod, type RouteEntry } from "../support/route-table";
import { callAction, errorCodeOf, goesToLogin, type ActionCall, type FormArg } from "./support-guard/call-action";
import { DEMO } from "./fixtures/auth";
import { bytesToHex } from "../../lib/pki/encoding";
import { generateKeyPair, getPublicKey } from "../../lib/pki/sm2";
import { loginRequestAs, loginRequestWithPassword } from "./support-guard/login";
import { createOwnedResources, decryptRequestFor, keygenRequest, NEW_PIN, PIN, signRequestFor, TINY_PNG, type OwnedResources } from "./support-guard/owned-resources";

test.setTimeout(240_000);

type Audience =
  | "public" // anyone: PKI, health, login codes, links sent by SMS, outside webhooks, the demo platform
  | "platform" // trading platforms, HTTP Basic; a browser session is no credential
  | "user" // any signed-in user, on their own resources only
  | "staff" // a console permission
  | "test-only"; // fixture routes of the e2e server (CERTDESK_E2E_FIXTURES=1), still signed-in only

/** A's ids, with a placeholder for what could not be made (B's call must then be refused anyway). */
type Ids = { [K in keyof OwnedResources]: NonNullable<OwnedResources[K]> };

type Call = {
  params?: Record<string, string | string[]>;
  body?: unknown;
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
  query?: string;
};

type RouteExpectation = {
  audience: Audience;
  /**
   * "resource": B calls it with A's ids and must be refused (403/404, or a redirect that does not
   * lead into A's resource). "own": it acts on the caller's own data, B may succeed.
   */
  scope?: "resource" | "own";
  /** The call B (and the anonymous caller) makes; default: parameters from A's ids, an empty JSON body. */
  call?: (r: Ids) => Call;
  /** A server-sent-events stream: not called as the owner (it stays open). */
  stream?: boolean;
  /** Ends the caller's session: called last. */
  endsSession?: boolean;
  /** Statuses that refuse B without telling anything about A's resource (default 403, 404). */
  refusedWith?: number[];
  /** Its callers are not browsers (no cookies to ride on): a write from another site is not refused. */
  crossOrigin?: boolean;
};

const UNKNOWN = "cmguardunknown000000000a";
/** A valid SM2 public key, for B's recovery request on A's key share. */
const TRANSPORT_KEY = bytesToHex(getPublicKey(generateKeyPair().privateKey));
/** Stands for an id of A that the setup could not make (one per kind, so two of them never look alike). */
const placeholder = (kind: string) => `cmguardmissing${kind}`.slice(0, 40);

const own = { audience: "user", scope: "own" } as const;
const pub = { audience: "public" } as const;

// Key: "METHOD /pattern" (route groups removed).
const EXPECTATIONS: Record<string, RouteExpectation> = {
  // desk pages' redirect routes
  "GET /orders/[id]/resume": { audience: "user", call: (r) => ({ params: { id: r.orderId } }) },
  "GET /orders/[id]/verified": { audience: "user", call: (r) => ({ params: { id: r.draftOrderId }, query: "?which=subject" }) },
  // PKI (public by nature: relying parties fetch them)
  "GET /pki/ca": pub,
  "GET /pki/ca/[file]": { ...pub, call: () => ({ params: { file: `${UNKNOWN}.cer` } }) },
  "GET /pki/crl/[file]": { ...pub, call: () => ({ params: { file: `${UNKNOWN}.crl` } }) },
  "GET /pki/ocsp/[...request]": { ...pub, call: () => ({ params: { request: ["MEMwQTA_MD0wOzAJBgUrDgMCGgUABBQ"] } }) },
  "POST /pki/ocsp": { ...pub, crossOrigin: true, call: () => ({ body: "" }) },
  // sign-in
  "GET /api/auth/[...nextauth]": { ...pub, call: () => ({ params: { nextauth: ["session"] } }) },
  // next-auth checks its own CSRF token on writes.
  "POST /api/auth/[...nextauth]": { ...pub, crossOrigin: true, call: () => ({ params: { nextauth: ["callback", "sms"] }, body: {} }) },
  "POST /api/auth/codes": { ...pub, call: () => ({ body: { phone: "19900000000", purpose: "LOGIN" } }) },
  "POST /api/auth/logout": { ...pub, endsSession: true },
  "PATCH /api/auth/passkeys/[passkeyId]": { audience: "user", call: () => ({ params: { passkeyId: UNKNOWN }, body: { name: "x" } }) },
  "DELETE /api/auth/passkeys/[passkeyId]": { audience: "user", call: () => ({ params: { passkeyId: UNKNOWN } }) },
  "POST /api/auth/passkeys/authentication/options": pub,
  "POST /api/auth/passkeys/authentication/verify": own,
  "POST /api/auth/passkeys/registration/options": own,
  "POST /api/auth/passkeys/registration/verify": own,
  "GET /api/auth/second-factor": own,
  "DELETE /api/auth/second-factor/totp": own,
  "POST /api/auth/second-factor/totp/confirm": { ...own, call: () => ({ body: { code: "000000" } }) },
  "POST /api/auth/second-factor/totp/setup": own,
  "POST /api/auth/second-factor/totp/verify": { ...own, call: () => ({ body: { code: "000000" } }) },
  // The outbox is how a demo desk's visitor logs in (CERTDESK_DEMO=1, as the e2e server runs); 404 otherwise.
  "GET /api/dev/outbox": pub,
  "POST /api/dev/sandbox-order": { audience: "test-only", scope: "own" },
  "POST /api/m/dev/fixture-order": { audience: "test-only", scope: "own" },
  "POST /api/m/dev/fixture-seal": { audience: "test-only", scope: "own" },
  "POST /api/dev/fixture-seal-org": { audience: "test-only", scope: "own" },
  "POST /api/m/dev/deliver-recoveries": { audience: "test-only", scope: "own" },
  "POST /api/dev/fixture-org": { audience: "test-only", scope: "own" },
  "POST /api/dev/lifecycle-renew": { audience: "test-only", call: (r) => ({ body: { certificateId: r.certificateId, daysLeft: 30 } }) },
  "POST /api/dev/lifecycle-change": { audience: "test-only", call: (r) => ({ body: { certificateId: r.certificateId } }) },
  "GET /api/dev/lifecycle-change": { audience: "test-only", call: () => ({ query: "?sealId=cmissingseal0000000000000" }) },
  "POST /api/dev/fixture-org-requests": { audience: "test-only", scope: "own" },
  "POST /api/dev/fixture-org-matrix": { audience: "test-only", scope: "own", call: () => ({ body: { phones: { certAdmin: "13800000001", sealAdmin: "13800000002", member: "13800000003", legalRep: "13800000004", outsider: "13800000005" } } }) },
  "GET /api/health": pub,
  // the enterprise area: B names an organization (or a letter) it has nothing to do with
  "GET /api/org/[orgId]/usage.csv": { audience: "user", call: () => ({ params: { orgId: UNKNOWN } }) },
  // electronic seals (issue 14, part 1): making, pictures, the template
  "POST /api/org/[orgId]/seals": { audience: "user", call: () => ({ params: { orgId: UNKNOWN }, multipart: { kind: "OFFICIAL", certificateId: UNKNOWN, file: { name: "s.png", mimeType: "image/png", buffer: TINY_PNG } } }) },
  "POST /api/seals": { ...own, call: () => ({ multipart: { source: "GENERATED", certificateId: UNKNOWN } }) },
  "POST /api/seals/preview": { ...own, call: () => ({ multipart: { kind: "OFFICIAL", file: { name: "s.png", mimeType: "image/png", buffer: TINY_PNG } } }) },
  "GET /api/seals/template": own,
  "GET /api/seals/[sealId]/image": { audience: "user", call: () => ({ params: { sealId: UNKNOWN } }) },
  "POST /api/seals/[sealId]/image": { audience: "user", call: () => ({ params: { sealId: UNKNOWN }, multipart: { file: { name: "s.png", mimeType: "image/png", buffer: TINY_PNG } } }) },
  "GET /api/org/[orgId]/transfer-form": { audience: "user", call: () => ({ params: { orgId: UNKNOWN }, query: `?to=${UNKNOWN}` }) },
  "POST /api/org/[orgId]/transfer-paper": {
    audience: "user",
    call: () => ({ params: { orgId: UNKNOWN }, multipart: { toUserId: UNKNOWN, file: { name: "form.png", mimeType: "image/png", buffer: TINY_PNG } } }),
  },
  "GET /api/org/signatures/[signatureId]": { audience: "user", call: () => ({ params: { signatureId: UNKNOWN } }) },
  // identity checks
  "POST /api/identity-checks": {
    audience: "user",
    call: (r) => ({ body: { method: "PHONE3", role: "APPLICANT", orderId: r.draftOrderId, subject: { name: "张三", idNumber: "11010519491231002X", phone: "13800138000" } } }),
  },
  "GET /api/identity-checks/[id]": { audience: "user", call: (r) => ({ params: { id: r.identityCheckId } }) },
  "POST /api/identity-checks/[id]/code": { audience: "user", call: (r) => ({ params: { id: r.identityCheckId }, body: { code: "123456" } }) },
  "GET /api/identity-checks/[id]/events": { audience: "user", stream: true, call: (r) => ({ params: { id: r.identityCheckId } }) },
  "POST /api/identity-checks/[id]/face-link": { audience: "user", call: (r) => ({ params: { id: r.identityCheckId }, body: { phone: "13800138000" } }) },
  // payments and invoices
  "GET /api/invoices/[id]": { audience: "user", call: (r) => ({ params: { id: r.invoiceId } }) },
  "POST /api/invoices/[id]/reissue": { audience: "user", call: (r) => ({ params: { id: r.invoiceId }, body: { title: "某某科技有限公司", email: "b@example.test" } }) },
  "GET /api/console/invoices/[id]": { audience: "staff", call: (r) => ({ params: { id: r.invoiceId } }) },
  "GET /api/payments/[id]/receipt": { audience: "user", call: (r) => ({ params: { id: r.paymentId } }) },
  // 我的反馈: B sends its own; A's screenshot (unknown here) and the console's copy are refused
  "POST /api/feedback": { ...own, call: () => ({ multipart: { topic: "APP", body: "越权测试：这是一条反馈内容" } }) },
  "GET /api/feedback/[id]/screenshot": { audience: "user", call: () => ({ params: { id: UNKNOWN } }) },
  "GET /api/console/feedback/[id]/screenshot": { audience: "staff", call: () => ({ params: { id: UNKNOWN } }) },
  "POST /api/orders/[id]/payments": { audience: "user", call: (r) => ({ params: { id: r.draftOrderId }, body: { method: "wechat_pay" } }) },
  "GET /api/payments/[id]": { audience: "user", call: (r) => ({ params: { id: r.paymentId } }) },
  "POST /api/payments/stripe/webhook": { ...pub, crossOrigin: true, call: () => ({ body: { id: "evt_guard", type: "payment_intent.succeeded" } }) },
  // orders and materials
  "GET /api/orders/[id]/application-form": { audience: "user", call: (r) => ({ params: { id: r.orderId } }) },
  "GET /api/orders/[id]/authorization": { audience: "user", call: (r) => ({ params: { id: r.draftOrderId } }) },
  "GET /api/orders/[id]/authorization-letter": { audience: "user", call: (r) => ({ params: { id: r.orderId } }) },
  "GET /api/orders/[id]/materials": { audience: "user", call: (r) => ({ params: { id: r.draftOrderId } }) },
  "POST /api/orders/[id]/materials": {
    audience: "user",
    call: (r) => ({ params: { id: r.draftOrderId }, multipart: { kind: "ID_BACK", file: { name: "b.png", mimeType: "image/png", buffer: TINY_PNG } } }),
  },
  "GET /api/materials/[materialId]": { audience: "user", call: (r) => ({ params: { materialId: r.materialId } }) },
  // The stamped administrator transfer form, for the CA's review (orgs.review).
  "GET /api/console/org-requests/[id]/paper": { audience: "staff", call: () => ({ params: { id: UNKNOWN } }) },
  "GET /api/usage.csv": own,
  // phone: certificates, keys, messages, scanning
  "GET /api/m/certificates/[certificateId]": { audience: "user", call: (r) => ({ params: { certificateId: r.certificateId } }) },
  "POST /api/m/inbox/read": own,
  "POST /api/m/keygen": { audience: "user", call: (r) => ({ body: { orderId: r.approvedOrderId, usage: "SIGN", request: keygenRequest() } }) },
  "POST /api/m/keys/[keyShareId]/decrypt": {
    audience: "user",
    call: (r) => ({ params: { keyShareId: r.encryptKeyShareId }, body: { pin: PIN, request: decryptRequestFor(r.encryptKeyShareId) } }),
  },
  "POST /api/m/keys/[keyShareId]/pin": { audience: "user", call: (r) => ({ params: { keyShareId: r.keyShareId }, body: { oldPin: PIN, pin: NEW_PIN, confirm: NEW_PIN } }) },
  "POST /api/m/keys/[keyShareId]/pin/confirm": { audience: "user", call: (r) => ({ params: { keyShareId: r.keyShareId }, body: { pin: NEW_PIN } }) },
  "POST /api/m/keys/[keyShareId]/reverify": { audience: "user", call: (r) => ({ params: { keyShareId: r.keyShareId }, body: { code: "123456", idNumber: "11010519491231002X", pin: NEW_PIN, confirm: NEW_PIN } }) },
  "POST /api/m/keys/[keyShareId]/face-check": { audience: "user", call: (r) => ({ params: { keyShareId: r.keyShareId } }) },
  "POST /api/m/keys/[keyShareId]/reverify-code": { audience: "user", call: (r) => ({ params: { keyShareId: r.keyShareId } }) },
  "POST /api/m/keys/[keyShareId]/sign": { audience: "user", call: (r) => ({ params: { keyShareId: r.keyShareId }, body: { pin: PIN, request: signRequestFor(r.keyShareId) } }) },
  "POST /api/m/keys/[keyShareId]/wrap-key": { audience: "user", call: (r) => ({ params: { keyShareId: r.keyShareId }, body: { pin: PIN } }) },
  "POST /api/m/orders/[orderId]/certificates": {
    audience: "user",
    call: (r) => ({ params: { orderId: r.approvedOrderId }, body: { orderId: r.approvedOrderId, signKeyShareId: r.keyShareId, encryptKeyShareId: r.encryptKeyShareId, pin: PIN, escrow: {} } }),
  },
  "POST /api/m/keys/[keyShareId]/recovery": { audience: "user", call: (r) => ({ params: { keyShareId: r.encryptKeyShareId }, body: { transportPublicKey: TRANSPORT_KEY } }) },
  "GET /api/m/recoveries/[recoveryId]": { audience: "user", call: (r) => ({ params: { recoveryId: r.recoveryId } }) },
  "POST /api/m/recoveries/[recoveryId]/install": { audience: "user", call: (r) => ({ params: { recoveryId: r.recoveryId }, body: { pin: NEW_PIN, confirm: NEW_PIN } }) },
  // 证书补办: B names A's certificate (404 before any check); A's pair has an open key recovery above, so no
  // REISSUE order of A's exists here: the status route gets a placeholder, the finish A's approved (not REISSUE) order.
  "POST /api/m/reissues": { audience: "user", call: (r) => ({ body: { certificateId: r.certificateId, name: "张三", idNumber: "11010519491231002X", transportPublicKey: TRANSPORT_KEY } }) },
  "GET /api/m/reissues/[orderId]": { audience: "user", call: () => ({ params: { orderId: placeholder("reissue") } }) },
  "GET /api/m/reissues/[orderId]/form": { audience: "user", call: () => ({ params: { orderId: placeholder("reissue") } }) },
  "POST /api/m/reissues/[orderId]/certificate": { audience: "user", call: (r) => ({ params: { orderId: r.approvedOrderId }, body: { signKeyShareId: r.keyShareId, pin: PIN } }) },
  "POST /api/m/scan/[id]/complete": { audience: "user", call: (r) => ({ params: { id: r.scanRequestId }, body: { certificateId: r.certificateId, result: { signature: "00" } } }) },
  "POST /api/m/scan/[id]/decrypt": {
    audience: "user",
    call: (r) => ({ params: { id: r.scanRequestId }, body: { certificateId: r.certificateId, pin: PIN, request: decryptRequestFor(r.encryptKeyShareId) } }),
  },
  "POST /api/m/scan/[id]/fail": { audience: "user", call: (r) => ({ params: { id: r.scanRequestId }, body: { certificateId: r.certificateId, reason: "decrypt_failed" } }) },
  "POST /api/m/scan/[id]/reject": { audience: "user", call: (r) => ({ params: { id: r.scanRequestId } }) },
  "POST /api/m/scan/[id]/sign": {
    audience: "user",
    call: (r) => ({ params: { id: r.scanRequestId }, body: { certificateId: r.certificateId, pin: PIN, request: signRequestFor(r.keyShareId) } }),
  },
  // The first holder to open a QR binds it; A opened this one, so B is refused ("already used": B holds the QR's secret token).
  "POST /api/m/scan/open": { audience: "user", refusedWith: [403, 404, 409, 410], call: (r) => ({ body: { token: r.scanToken } }) },
  "GET /api/m/scan/pending": own,
  "GET /api/m/scan/sessions": own,
  "POST /api/m/scan/sessions/[sessionId]/end": { audience: "user", call: () => ({ params: { sessionId: UNKNOWN } }) },
  // platform API
  // Unknown paths under /api: the JSON 404 (anyone; nothing behind it).
  "GET /api/[...path]": { ...pub, call: () => ({ params: { path: ["no-such-route"] } }) },
  "POST /api/[...path]": { ...pub, call: () => ({ params: { path: ["no-such-route"] } }) },
  "PUT /api/[...path]": { ...pub, call: () => ({ params: { path: ["no-such-route"] } }) },
  "PATCH /api/[...path]": { ...pub, call: () => ({ params: { path: ["no-such-route"] } }) },
  "DELETE /api/[...path]": { ...pub, call: () => ({ params: { path: ["no-such-route"] } }) },
  "GET /api/v1/openapi.json": pub,
  "GET /api/v1/seals": { audience: "platform", scope: "own", call: () => ({ query: "?serial=00" }) },
  "POST /api/v1/pdf/verify": { audience: "platform", scope: "own" },
  "POST /api/v1/subjects/match": { audience: "platform", scope: "own", call: () => ({ body: { idNumber: "11010519491231002X" } }) },
  "POST /api/pdf/verify": pub,
  "POST /api/v1/scan-requests": { audience: "platform", scope: "own", call: () => ({ body: { type: "login", challenge: "00" } }) },
  "GET /api/v1/scan-requests/[id]": { audience: "platform", call: (r) => ({ params: { id: r.scanRequestId } }) },
  "GET /api/v1/scan-requests/[id]/events": { audience: "platform", stream: true, call: (r) => ({ params: { id: r.scanRequestId } }) },
  // A certificate B's platform was never handed: 404 as unknown.
  "GET /api/v1/certificates/[serial]": { audience: "platform", call: () => ({ params: { serial: "7e57" } }) },
  "GET /api/v1/certificates/[serial]/authorization": { audience: "platform", call: () => ({ params: { serial: "7e57" } }) },
  // An enterprise B's platform never met: 404 as unknown.
  "GET /api/v1/organizations/[uscc]": { audience: "platform", call: () => ({ params: { uscc: "91110108MA01GUARD0" } }) },
  // The caller's own requests only (usage records).
  "GET /api/v1/scan-requests": { audience: "platform", scope: "own" },
  // The caller's own settings; B's PUT names a URL outside its callback URLs (422: nothing changes).
  "GET /api/v1/platform/webhook": { audience: "platform", scope: "own" },
  "PUT /api/v1/platform/webhook": { audience: "platform", scope: "own", call: () => ({ body: { webhookUrl: "https://guard.invalid/hook" } }) },
  // the demo trading platform: an outside platform with its own visitor cookie
  "GET /demo/tender/api/bid/p7s": pub,
  "POST /demo/tender/api/logout": pub,
  "GET /demo/tender/api/pdf/file": pub,
  "GET /demo/tender/api/pdf/page/[page]": { ...pub, call: () => ({ params: { page: "0" } }) },
  "GET /demo/tender/api/pdf/seals": pub,
  "GET /demo/tender/api/requests/[id]": { ...pub, call: (r) => ({ params: { id: r.scanRequestId } }) },
  "POST /demo/tender/api/steps/[step]": { ...pub, call: () => ({ params: { step: "login" } }) },
  "POST /demo/tender/api/webhook": { ...pub, crossOrigin: true },
};

type ActionExpectation = {
  audience: Exclude<Audience, "platform" | "test-only">;
  scope?: "resource" | "own";
  /** The arguments B (and the anonymous caller) sends. */
  args: (r: Ids) => unknown[] | FormArg;
};

const subject = { name: "张三", idType: "RESIDENT_ID", idNumber: "11010519491231002X", phone: "13800138000", email: "b@example.test" };

// Key: "file#export".
const ACTION_EXPECTATIONS: Record<string, ActionExpectation> = {
  "lib/actions/audit/audit-actions.ts#verifyAuditChainAction": { audience: "staff", args: () => [] },
  "lib/actions/channels/channel-actions.ts#updateChannelAction": { audience: "staff", args: () => [{ channelId: UNKNOWN, name: "x", allowedMethods: ["PHONE3"] }] },
  "lib/actions/platforms/platform-actions.ts#createPlatformAction": { audience: "staff", args: () => [{ code: "guard-x", name: "x", callbackUrls: [] }] },
  "lib/actions/platforms/platform-actions.ts#updatePlatformAction": { audience: "staff", args: () => [{ platformId: UNKNOWN, name: "x" }] },
  "lib/actions/platforms/platform-actions.ts#rotatePlatformSecretAction": { audience: "staff", args: () => [{ platformId: UNKNOWN }] },
  "lib/actions/escrow/key-recovery-actions.ts#decideKeyRecoveryAction": { audience: "staff", args: (r) => [r.recoveryId, { decision: "approve" }] },
  "lib/actions/reviews/review-actions.ts#approveOrderAction": { audience: "staff", args: (r) => [{ orderId: r.orderId }] },
  "lib/actions/reviews/review-actions.ts#rejectOrderAction": { audience: "staff", args: (r) => [{ orderId: r.orderId, reason: "资料不全，请补充" }] },
  "lib/actions/reviews/review-actions.ts#receivePaperAction": { audience: "staff", args: (r) => [{ orderId: r.orderId }] },
  // B trying to make itself an admin.
  "lib/actions/admin/user-actions.ts#changeUserRoleAction": { audience: "staff", args: () => [{ userId: UNKNOWN, role: "ADMIN" }] },
  "lib/actions/org/console-org-actions.ts#decidePaperTransferAction": { audience: "staff", args: () => [{ requestId: UNKNOWN, decision: "approve" }] },
  "lib/actions/certs/revoke-actions.ts#consoleRevokeAction": { audience: "staff", args: () => [UNKNOWN, { reason: "keyCompromise" }] },
  "lib/actions/certs/revoke-actions.ts#consoleRefuseRevocationAction": { audience: "staff", args: () => [UNKNOWN, { requestId: UNKNOWN, reason: "材料不符，驳回" }] },
  "lib/actions/certs/revoke-actions.ts#startRevokeOrderAction": { audience: "user", args: (r) => [r.certificateId] },
  "lib/actions/certs/revoke-actions.ts#completeRevokeOrderAction": { audience: "user", args: (r) => [r.orderId, "cessationOfOperation"] },
  "lib/actions/certs/revoke-actions.ts#revokeWithPinAction": { audience: "user", args: (r) => [r.certificateId, { pin: PIN }] },
  // The enterprise area (H1): any signed-in user may search; everything else names an organization B is not a member of.
  "lib/actions/org/org-actions.ts#findOrganizationAction": { audience: "user", scope: "own", args: () => [{ name: "沙箱测试科技有限公司", uscc: "91350100M000100Y43" }] },
  "lib/actions/org/org-actions.ts#deleteOrganizationAction": { audience: "user", args: () => [UNKNOWN, "沙箱测试科技有限公司"] },
  "lib/actions/org/member-actions.ts#addMemberAction": { audience: "user", args: () => [UNKNOWN, { name: "王五", idNumber: "11010519491231002X", phone: "19900000009" }] },
  "lib/actions/org/member-actions.ts#removeMemberAction": { audience: "user", args: () => [UNKNOWN, UNKNOWN] },
  "lib/actions/org/seal-grant-actions.ts#grantSealUseAction": { audience: "user", args: () => [UNKNOWN, UNKNOWN, UNKNOWN] },
  "lib/actions/org/seal-grant-actions.ts#withdrawSealUseAction": { audience: "user", args: () => [UNKNOWN, UNKNOWN, UNKNOWN] },
  "lib/actions/org/member-actions.ts#changeMemberRoleAction": { audience: "user", args: () => [UNKNOWN, UNKNOWN, "SEAL_ADMIN"] },
  "lib/actions/org/member-actions.ts#revokeMemberCertificateAction": { audience: "user", args: () => [UNKNOWN, UNKNOWN] },
  // Joins, requests, authorizations, transfer: every one names an organization or request B is not in (a join
  // names the enterprise by USCC: B's own request, refused for B's unverified account or the wrong administrator).
  "lib/actions/org/request-actions.ts#createJoinRequestAction": { audience: "user", scope: "own", args: () => [{ uscc: "91350100M000100Y43", adminName: "某人", adminPhone: "13800000009", platformIds: [UNKNOWN], years: 1 }] },
  // 仅认证企业（对公打款）: the caller's own verification (an incomplete form: no transfer is sent).
  "lib/actions/org/verify-actions.ts#startEnterpriseVerificationAction": { audience: "user", scope: "own", args: () => [{ name: "沙箱测试科技有限公司", uscc: "91350100M000100Y43" }] },
  "lib/actions/org/request-actions.ts#createCertRequestAction": { audience: "user", args: () => [{ orgId: UNKNOWN, platformIds: [UNKNOWN], years: 1 }] },
  "lib/actions/org/request-actions.ts#decideOrgRequestAction": { audience: "user", args: () => [UNKNOWN, { requestId: UNKNOWN, decision: "approve" }] },
  "lib/actions/org/request-actions.ts#verifyLegalRepAction": { audience: "user", args: () => [UNKNOWN, "91350100M000100Y43"] },
  "lib/actions/org/authorization-actions.ts#grantAuthorizationAction": { audience: "user", args: () => [{ orgId: UNKNOWN, userId: UNKNOWN, platformIds: [UNKNOWN] }] },
  "lib/actions/org/authorization-actions.ts#revokeAuthorizationAction": { audience: "user", args: () => [{ orgId: UNKNOWN, authorizationId: UNKNOWN }] },
  "lib/actions/seals/seal-actions.ts#cancelSealAction": { audience: "user", args: () => [UNKNOWN] },
  "lib/actions/seals/seal-actions.ts#deletePersonalSealAction": { audience: "user", args: () => [UNKNOWN] },
  "lib/actions/seals/seal-actions.ts#downloadSealAction": { audience: "user", args: () => [UNKNOWN, { pin: "000000" }] },
  "lib/actions/seals/console-seal-actions.ts#decideSealAction": { audience: "staff", args: () => [{ sealId: UNKNOWN, decision: "approve" }] },
  "lib/actions/org/transfer-actions.ts#startAdminTransferAction": { audience: "user", args: () => [{ orgId: UNKNOWN, toUserId: UNKNOWN }] },
  "lib/actions/shipping/shipment-actions.ts#shipShipmentAction": { audience: "staff", args: () => [UNKNOWN, { carrier: "SF", trackingNo: "SF1234567890" }] },
  "lib/actions/shipping/shipment-actions.ts#markShipmentDeliveredAction": { audience: "staff", args: () => [UNKNOWN] },
  "lib/actions/shipping/shipment-actions.ts#changeShippingAddressAction": { audience: "user", args: (r) => [r.paidOrderId, { recipient: "张三", phone: "13800138000", address: "北京市东城区某某路 1 号" }] },
  "lib/actions/payments/invoice-actions.ts#requestInvoiceAction": { audience: "user", args: (r) => [r.paidOrderId, { email: "b@example.test" }] },
  "lib/actions/payments/invoice-actions.ts#reissueInvoiceAction": { audience: "user", args: (r) => [r.invoiceId, { email: "b@example.test" }] },
  "lib/actions/payments/invoice-actions.ts#emailInvoiceAction": { audience: "user", args: (r) => [r.invoiceId, { email: "b@example.test" }] },
  "lib/actions/payments/console-invoice-actions.ts#consoleReissueInvoiceAction": { audience: "staff", args: (r) => [r.invoiceId, { email: "b@example.test", note: "越权重开" }] },
  "lib/actions/channels/free-subject-actions.ts#addFreeSubjectAction": { audience: "staff", args: () => [UNKNOWN, { subjectKey: "91350100M000100Y43", note: "越权添加" }] },
  "lib/actions/channels/free-subject-actions.ts#removeFreeSubjectAction": { audience: "staff", args: () => [UNKNOWN, UNKNOWN] },
  "lib/actions/identity/bank-card-actions.ts#addBankCardAction": { audience: "user", scope: "own", args: () => [{ idNumber: "11010519491231002X", bankCard: "6200000000000005", phone: "13800138000" }] },
  "lib/actions/identity/bank-card-actions.ts#unbindBankCardAction": { audience: "user", args: () => [UNKNOWN] },
  "lib/actions/support/feedback-actions.ts#answerFeedbackAction": { audience: "staff", args: () => [UNKNOWN, { answer: "越权回复" }] },
  "lib/actions/auth/account-actions.ts#setPasswordAction": { audience: "user", scope: "own", args: () => [{ currentPassword: "", password: "guard-pass-2026", confirm: "guard-pass-2026" }] },
  "lib/actions/auth/account-actions.ts#changePhoneAction": { audience: "user", scope: "own", args: () => [{ newPhone: "19900000001", oldCode: "123456", newCode: "123456" }] },
  // A legal representative's signing link: the token and an SMS code are the credentials.
  "lib/actions/authorization/authorize-actions.ts#sendAuthorizationCodeAction": { audience: "public", args: () => [UNKNOWN] },
  "lib/actions/authorization/authorize-actions.ts#signAuthorizationAction": { audience: "public", args: () => [UNKNOWN, { code: "123456" }] },
  "lib/actions/auth/reset-password-actions.ts#resetPasswordAction": { audience: "public", args: () => [{ phone: "19900000002", code: "123456", password: "guard-pass-2026" }] },
  "lib/actions/orders/order-actions.ts#cancelOrderAction": { audience: "user", args: (r) => [r.draftOrderId] },
  "lib/actions/orders/order-actions.ts#reapplyOrderAction": { audience: "user", args: (r) => [r.orderId] },
  "lib/actions/orders/sign-actions.ts#sendAuthorizationLinkAction": { audience: "user", args: (r) => [r.draftOrderId] },
  "lib/actions/orders/sign-actions.ts#sendSignCodeAction": { audience: "user", args: (r) => [r.draftOrderId] },
  "lib/actions/orders/sign-actions.ts#signApplicationAction": { audience: "user", args: (r) => [r.draftOrderId, { code: "123456", agreed: true }] },
  "lib/actions/orders/start-actions.ts#startOrderAction": { audience: "user", scope: "own", args: () => ({ form: { subjectType: "INDIVIDUAL", channel: "demo" } }) },
  "lib/actions/orders/step-actions.ts#completeCheckAction": { audience: "user", args: (r) => [r.draftOrderId, "subject"] },
  "lib/actions/orders/step-actions.ts#completeMaterialsAction": { audience: "user", args: (r) => [r.draftOrderId] },
  "lib/actions/orders/step-actions.ts#confirmOrderAction": { audience: "user", args: (r) => [r.draftOrderId] },
  "lib/actions/orders/renew-actions.ts#startRenewalAction": { audience: "user", args: (r) => [r.certificateId] },
  "lib/actions/orders/renew-actions.ts#confirmRenewInfoAction": { audience: "user", args: (r) => [r.draftOrderId] },
  "lib/actions/orders/change-actions.ts#startChangeAction": { audience: "user", args: (r) => [r.certificateId] },
  "lib/actions/orders/change-actions.ts#confirmChangeInfoAction": { audience: "user", args: (r) => [r.draftOrderId] },
  "lib/actions/orders/change-actions.ts#submitChangeAction": { audience: "user", args: (r) => [r.draftOrderId, true] },
  "lib/actions/orders/step-actions.ts#saveGoodsAction": {
    audience: "user",
    args: (r) => [r.draftOrderId, { years: 1, medium: "CLOUD", withSeal: false, invoice: { wanted: false } }],
  },
  "lib/actions/orders/step-actions.ts#saveHandlerAction": { audience: "user", args: (r) => [r.draftOrderId, { ...subject, isLegalRep: false, method: "PHONE3" }] },
  "lib/actions/orders/step-actions.ts#saveMethodAction": { audience: "user", args: (r) => [r.draftOrderId, { method: "PHONE3", agreed: true }] },
  "lib/actions/orders/step-actions.ts#saveSubjectAction": { audience: "user", args: (r) => [r.draftOrderId, "individual", subject] },
  "lib/actions/orders/step-actions.ts#switchOfflineAction": { audience: "user", args: (r) => [r.draftOrderId] },
  "lib/actions/i18n/set-locale.ts#setLocale": { audience: "public", args: () => ({ form: { locale: "en" } }) },
  // 证书查询 without login: the subject, a number and an SMS code (or a real-name check / a captcha) are the credentials.
  "lib/actions/lookup/lookup-actions.ts#sendLookupCodeAction": { audience: "public", args: () => [{ subject: { subjectType: "UNIT", subjectKey: "91350100M000100Y43" }, phone: "19900000003" }] },
  "lib/actions/lookup/lookup-actions.ts#verifyLookupCodeAction": { audience: "public", args: () => [{ subject: { subjectType: "UNIT", subjectKey: "91350100M000100Y43" }, phone: "19900000003", code: "123456" }] },
  "lib/actions/lookup/lookup-actions.ts#verifyLookupRealNameAction": { audience: "public", args: () => [{ method: "PHONE3", idNumber: "440524188001010014", name: "李四", phone: "17000000000" }] },
  "lib/actions/lookup/lookup-actions.ts#newLookupCaptchaAction": { audience: "public", args: () => [] },
  "lib/actions/lookup/lookup-actions.ts#sendLegalRepLookupCodeAction": {
    audience: "public",
    args: () => [{ uscc: "91350100M000100Y43", legalRepIdNumber: "11010519491231002X", phone: "19900000003", captchaId: UNKNOWN, captchaAnswer: "1" }],
  },
  "lib/actions/lookup/lookup-actions.ts#endLookupAction": { audience: "public", args: () => [] },
  "lib/actions/lookup/reapply-certificate-action.ts#reapplyCertificateAction": { audience: "user", args: (r) => [r.certificateId] },
  "lib/actions/identity/face-actions.ts#completeFaceAction": { audience: "public", args: () => [UNKNOWN] },
  // The caller's own account; B sends the sandbox's failing identity, so B's account stays unverified.
  "lib/actions/identity/real-name-actions.ts#verifyAccountRealNameAction": { audience: "user", scope: "own", args: () => [{ name: "李四", idType: "RESIDENT_ID", idNumber: "440524188001010014" }] },
  "lib/actions/phone/pin-reset-actions.ts#cancelPinResetAction": { audience: "public", args: () => [UNKNOWN] },
  // Like a real payment QR, whoever has the link may pay (sandbox only).
  "lib/actions/payments/sandbox-payment-actions.ts#confirmSandboxPaymentAction": { audience: "public", args: (r) => [r.paymentId] },
};

const WRAPPERS_BY_AUDIENCE: Record<Audience, string[]> = {
  public: ["publicRoute", "next-auth"],
  platform: ["platformRoute"],
  user: ["userRoute"],
  staff: ["userRoute"],
  "test-only": ["userRoute"],
};
const ACTION_WRAPPERS_BY_AUDIENCE: Record<ActionExpectation["audience"], string[]> = {
  public: ["publicAction", "publicFormAction"],
  user: ["userAction", "userFormAction"],
  staff: ["userAction", "userFormAction"],
};

type Failure = { what: string; caller: string; status: number | string; body: string };

/** Statuses per caller, printed with the summary: shows the refusals are real answers, not one accident. */
const statusesByCaller = new Map<string, Map<string, number>>();
function tally(caller: string, status: number | string) {
  const m = statusesByCaller.get(caller) ?? new Map<string, number>();
  m.set(String(status), (m.get(String(status)) ?? 0) + 1);
  statusesByCaller.set(caller, m);
}

const routes = routeTable();
const routeKeys = routes.flatMap((r) => r.methods.map((m) => ({ key: `${m} ${r.pattern}`, route: r, method: m })));

test("every route handler and server action on disk has an audience in EXPECTATIONS, through its audience's wrapper", () => {
  const missing = routeKeys.filter(({ key }) => !EXPECTATIONS[key]).map(({ key, route }) => `${key}  (${route.file})`);
  const stale = Object.keys(EXPECTATIONS).filter((k) => !routeKeys.some((r) => r.key === k));
  const actionKeys = serverActionSources().flatMap((s) => s.exports.map((e) => ({ key: `${s.file}#${e}`, wrapper: s.wrappers[e]! })));
  const missingActions = actionKeys.filter(({ key }) => !ACTION_EXPECTATIONS[key]).map(({ key }) => key);
  const staleActions = Object.keys(ACTION_EXPECTATIONS).filter((k) => !actionKeys.some((a) => a.key === k));
  const unwrapped = [
    ...routeKeys
      .filter(({ key, route, method }) => EXPECTATIONS[key] && !WRAPPERS_BY_AUDIENCE[EXPECTATIONS[key]!.audience].includes(route.wrappers[method]!))
      .map(({ key, route, method }) => `${key}: ${route.wrappers[method]} (audience ${EXPECTATIONS[key]!.audience})`),
    ...actionKeys
      .filter(({ key, wrapper }) => ACTION_EXPECTATIONS[key] && !ACTION_WRAPPERS_BY_AUDIENCE[ACTION_EXPECTATIONS[key]!.audience].includes(wrapper))
      .map(({ key, wrapper }) => `${key}: ${wrapper} (audience ${ACTION_EXPECTATIONS[key]!.audience})`),
  ];
  console.log(`route table: ${routeKeys.length} route × method, ${actionKeys.length} actions on disk; not through their audience's wrapper: ${unwrapped.length}`);
  for (const u of unwrapped) console.log(`  unwrapped: ${u}`);
  expect(missing, "route handlers without a decision in EXPECTATIONS").toEqual([]);
  expect(missingActions, "server actions without a decision in ACTION_EXPECTATIONS").toEqual([]);
  expect(stale, "EXPECTATIONS entries for routes that no longer exist").toEqual([]);
  expect(staleActions, "ACTION_EXPECTATIONS entries for actions that no longer exist").toEqual([]);
  expect(unwrapped, "handlers and actions not going through their audience's wrapper").toEqual([]);
});

const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3200}`;

let a: APIRequestContext;
let b: APIRequestContext;
let anon: APIRequestContext;
/** A third applicant, whose session a page on another site tries to ride (CSRF). */
let c3: APIRequestContext;
/** The seeded reviewer after the password step only: console actions need the second factor too. */
let halfStaff: APIRequestContext;
let ids: Ids;
let actions: Map<string, ActionEntry>;

test.describe("called over HTTP", () => {
  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(240_000);
    const table = actionTable();
    expect(table, "no server-reference-manifest.json: run `next build` first").not.toBeNull();
    actions = new Map(table!.map((x) => [x.key, x]));
    const newRequest = () => playwright.request.newContext({ baseURL });
    [a, b, c3, anon, halfStaff] = await Promise.all([newRequest(), newRequest(), newRequest(), newRequest(), newRequest()]);
    const [owned] = await Promise.all([
      createOwnedResources({ newRequest, a, actions }),
      loginRequestAs(b),
      loginRequestAs(c3),
      loginRequestWithPassword(halfStaff, DEMO.reviewer, { secondFactor: false }),
    ]);
    for (const note of owned.notes) console.log(`  setup: ${note} (placeholder id used)`);
    ids = Object.fromEntries(Object.entries(owned).map(([k, v]) => [k, v ?? placeholder(k)])) as Ids;
  });

  test.afterAll(async () => {
    await Promise.all([a?.dispose(), b?.dispose(), c3?.dispose(), anon?.dispose(), halfStaff?.dispose()]);
  });

  // One test for both, so a refusal found in the routes does not skip the actions (nor set A up twice).
  test("every route handler and server action refuses anonymous callers and other applicants", async () => {
    const r = await test.step("route handlers", checkRoutes);
    const x = await test.step("server actions", checkActions);
    report("route", r.failures);
    report("action", x.failures);
    const unexpected = r.failures.length + x.failures.length;
    for (const [caller, m] of statusesByCaller) console.log(`  ${caller}: ${[...m].map(([k, n]) => `${k}×${n}`).join(" ")}`);
    console.log(`route guard: ${routeKeys.length} routes × ${r.callers} callers checked, ${actions.size} actions, ${unexpected} unexpected (${r.checked} route calls, ${x.checked} action calls)`);
    expect.soft(r.failures, "unexpected route answers (see the list above)").toEqual([]);
    expect.soft(x.failures, "unexpected action answers (see the list above)").toEqual([]);
  });
});

function defaultCall(route: RouteEntry): Call {
  return { params: Object.fromEntries(route.params.map((p) => [p.name, p.catchAll ? [UNKNOWN] : UNKNOWN])) };
}

async function send(request: APIRequestContext, route: RouteEntry, method: HttpMethod, c: Call, headers?: Record<string, string>): Promise<{ status: number | string; location: string; body: string }> {
  const url = fillPattern(route.pattern, { ...defaultCall(route).params, ...c.params }) + (c.query ?? "");
  const opts: Parameters<APIRequestContext["fetch"]>[1] = { method, headers, maxRedirects: 0, failOnStatusCode: false, timeout: 15_000 };
  if (method !== "GET") {
    if (c.multipart) opts.multipart = c.multipart;
    else if (typeof c.body === "string") opts.data = c.body;
    else opts.data = c.body ?? {};
  }
  let res: APIResponse;
  try {
    res = await request.fetch(url, opts);
  } catch (err) {
    return { status: "timeout (stream left open?)", location: "", body: String(err).slice(0, 200) };
  }
  return { status: res.status(), location: res.headers()["location"] ?? "", body: (await res.text().catch(() => "")).slice(0, 300) };
}

const is3xx = (s: number | string) => typeof s === "number" && s >= 300 && s < 400;
const isServerError = (s: number | string) => typeof s !== "number" || s >= 500;

type RouteCaller = "anonymous" | "applicant B" | "owner A" | "another platform" | "applicant C from another site";

/** What a page on another site (or another port of this host) makes the victim's browser send. */
const CROSS_SITE = { Origin: "http://127.0.0.1:1", "Sec-Fetch-Site": "same-site" };

/** Why an answer to this caller is wrong, or null. */
function judgeRoute(exp: RouteExpectation, caller: RouteCaller, r: { status: number | string; location: string }, resourceIds: string[]): string | null {
  if (isServerError(r.status)) return "server error";
  if (caller === "applicant C from another site") return r.status === 403 ? null : "expected 403 for a write from another site (CSRF)";
  // The owner may get a conflict (the order is not at that step), which still shows the id is A's.
  if (caller === "owner A") return [401, 403, 404].includes(r.status as number) ? "the owner is refused (are the test's ids right?)" : null;
  if (exp.audience === "public") return null;
  if (exp.audience === "platform") {
    if (caller !== "another platform") return r.status === 401 ? null : "expected 401 without platform credentials";
    if (resourceIds.length === 0) return null;
    return [403, 404].includes(r.status as number) ? null : "expected 404 on another platform's request";
  }
  if (caller === "anonymous") {
    if ([401, 403, 404].includes(r.status as number)) return null;
    if (is3xx(r.status) && goesToLogin(r.location)) return null;
    return "expected 401/403/404 or a redirect to /login";
  }
  // applicant B
  if (exp.audience === "staff") return r.status === 403 ? null : "expected 403 for an applicant";
  if (exp.scope === "own" || exp.audience === "test-only") return null;
  if ((exp.refusedWith ?? [403, 404]).includes(r.status as number)) return null;
  if (is3xx(r.status) && !resourceIds.some((id) => id && r.location.includes(id))) return null;
  return "expected 403/404 on another applicant's resource";
}

async function checkRoutes(): Promise<{ checked: number; callers: number; failures: Failure[] }> {
  const failures: Failure[] = [];
  const callerKinds = new Set<RouteCaller>();
  let checked = 0;
  const ordered = [...routeKeys].sort((x, y) => Number(Boolean(EXPECTATIONS[x.key]?.endsSession)) - Number(Boolean(EXPECTATIONS[y.key]?.endsSession)));
  for (const { key, route, method } of ordered) {
    const exp = EXPECTATIONS[key];
    if (!exp) continue; // reported by the table test
    const c = exp.call?.(ids) ?? {};
    const resourceIds = Object.values(c.params ?? {}).flat().filter((v) => v !== UNKNOWN && !v.startsWith("cmguardmissing"));
    const callers: Array<[RouteCaller, APIRequestContext]> = [
      ["anonymous", anon],
      ["applicant B", b],
    ];
    if (exp.audience === "platform" && ids.otherPlatformAuth.startsWith("Basic ")) callers.push(["another platform", anon]);
    // Every browser-facing write checks where it comes from, before anything else (C's own data included).
    if (method !== "GET" && exp.audience !== "platform" && !exp.crossOrigin) callers.push(["applicant C from another site", c3]);
    // The owner's GET proves the ids are real, so B's refusal means something.
    if (method === "GET" && exp.audience === "user" && exp.scope !== "own" && !exp.stream && resourceIds.length > 0) callers.push(["owner A", a]);
    for (const [caller, request] of callers) {
      if (exp.endsSession && caller === "applicant B") continue; // B's session is still needed by the action test
      callerKinds.add(caller);
      const headers = caller === "another platform" ? { Authorization: ids.otherPlatformAuth } : caller === "applicant C from another site" ? CROSS_SITE : undefined;
      const r = await send(request, route, method, c, headers);
      tally(`route, ${caller}`, r.status);
      checked++;
      const why = judgeRoute(exp, caller, r, resourceIds);
      if (why) failures.push({ what: `${key}${c.query ?? ""} [${exp.audience}] ${why}`, caller, status: r.status, body: r.location ? `→ ${r.location}` : r.body });
    }
  }
  return { checked, callers: callerKinds.size, failures };
}

type ActionCaller = "anonymous" | "applicant B" | "reviewer without second factor" | "applicant C from another site";

function judgeAction(exp: ActionExpectation, caller: ActionCaller, call: ActionCall): string | null {
  const code = errorCodeOf(call);
  // redirect()/notFound()/forbidden() are thrown on purpose (digest NEXT_…); anything else is a crash.
  const crashed = call.thrown !== null && !/"digest":"NEXT_/.test(call.thrown);
  if (call.status >= 500 || crashed) return "server error (the action threw)";
  if (caller === "applicant C from another site") return call.status === 403 || code === "forbidden" ? null : "expected 403 for an action posted from another site (CSRF)";
  if (exp.audience === "public") return null;
  if (caller === "anonymous") {
    if (code === "unauthenticated" || goesToLogin(call.redirect) || call.status === 401) return null;
    return "expected { ok: false, error: { code: 'unauthenticated' } } or a redirect to /login";
  }
  if (exp.audience === "staff") return code === "forbidden" || call.status === 403 ? null : `expected forbidden for the ${caller}`;
  if (exp.scope === "own") return null;
  if (code === "not_found" || code === "forbidden" || call.status === 404 || call.status === 403) return null;
  return "expected not_found/forbidden on another applicant's resource";
}

async function checkActions(): Promise<{ checked: number; failures: Failure[] }> {
  const failures: Failure[] = [];
  let checked = 0;
  const notBuilt: string[] = [];
  for (const [key, exp] of Object.entries(ACTION_EXPECTATIONS)) {
    const action = actions.get(key);
    if (!action) {
      notBuilt.push(key); // on disk but used by no page: not reachable over HTTP
      continue;
    }
    const callers: Array<[ActionCaller, APIRequestContext]> = [
      ["anonymous", anon],
      ["applicant B", b],
    ];
    if (exp.audience === "staff") callers.push(["reviewer without second factor", halfStaff]);
    callers.push(["applicant C from another site", c3]);
    for (const [caller, request] of callers) {
      const call = await callAction(request, action, exp.args(ids), caller === "applicant C from another site" ? { headers: CROSS_SITE } : {});
      tally(`action, ${caller}`, errorCodeOf(call) ?? (call.redirect ? `→${new URL(call.redirect, "http://x").pathname}` : call.status));
      checked++;
      const why = judgeAction(exp, caller, call);
      if (why) {
        const shown = call.result !== undefined ? JSON.stringify(call.result) : call.redirect ? `→ ${call.redirect}` : call.thrown ? `E${call.thrown}` : call.text;
        failures.push({ what: `${key} [${exp.audience}] ${why}`, caller, status: call.status, body: shown.slice(0, 300) });
      }
    }
  }
  if (notBuilt.length) console.log(`  actions not in the build (no page uses them): ${notBuilt.join(", ")}`);
  return { checked, failures };
}

function report(kind: string, failures: Failure[]) {
  for (const f of failures) console.log(`  UNEXPECTED ${kind} ${f.what}\n    caller: ${f.caller}, status: ${f.status}, body: ${f.body.replace(/\s+/g, " ")}`);
}
