import { z } from "zod";

/**
 * Every audit action the desk writes, `<domain>.<verb>`, with a zod schema for its `data`
 * (as documenso's document-audit-logs.ts does). `writeAudit` is typed by this map and parses
 * `data` with it, so a new action or a changed shape is a change here, reviewed in one place.
 * Schemas are plain objects (known keys checked, extra keys allowed at run time; an object
 * literal with an extra key still fails to compile). Never put a secret here: no code, password,
 * PIN, key share or full phone number in a refused attempt's data.
 */

const id = z.string();
const nullableId = z.string().nullable();
const empty = z.object({});
const group = z.object({ group: z.array(id) });
const cli = { via: z.string(), osUser: z.string(), host: z.string() };
const transition = z.object({ from: z.string(), to: z.string(), note: z.string().optional() });
const scanCompleted = z.object({ platformId: id, serial: z.string(), sealId: id.optional() });
const paymentSucceeded = z.object({ orderId: id, amountFen: z.number().int(), provider: z.string(), eventId: nullableId });
const recovery = z.object({ keyShareId: id });

/** Why a login was refused. Only attempts that were evaluated are recorded (a locked number's refusals are not). */
export const LOGIN_FAILURE_REASONS = ["bad_password", "no_account", "no_password", "wrong_code", "code_exhausted", "account_disabled"] as const;
export type LoginFailureReason = (typeof LOGIN_FAILURE_REASONS)[number];

/** Why a reviewer's approve or reject was refused. */
export const DECISION_REFUSAL_REASONS = ["no_permission", "own_order", "not_reviewable", "already_reviewed"] as const;
export type DecisionRefusalReason = (typeof DECISION_REFUSAL_REASONS)[number];

/** The OrderEvent types transitionOrder writes; each is also the audit action `order.<type>`. */
export const ORDER_TRANSITION_TYPES = [
  "submitted",
  "paid",
  "paid_auto_approved",
  "approved",
  "rejected",
  "cancelled",
  "reapplied",
  "paper_received",
  "sandbox_test_order",
  "downloaded",
  "revoked",
] as const;
export type OrderTransitionType = (typeof ORDER_TRANSITION_TYPES)[number];

export const AUDIT_DATA_SCHEMAS = {
  // auth: sessions, passwords, second factors
  "auth.login": z.object({ method: z.enum(["sms", "password", "passkey"]) }),
  "auth.login_failed": z.object({
    method: z.enum(["sms", "password"]),
    phone: z.union([z.string().regex(/^\d{3}\*{4}\d{4}$/, "masked phone only"), z.literal("-")]),
    reason: z.enum(LOGIN_FAILURE_REASONS),
    left: z.number().int().optional(),
  }),
  "auth.lookup_granted": z.object({ method: z.enum(["sms", "phone3", "bank4", "legal_rep"]), subjectType: z.enum(["UNIT", "INDIVIDUAL"]) }),
  "auth.password_set": empty,
  "auth.password_change": empty,
  "auth.password_reset": empty,
  "auth.phone_change": z.object({ from: z.string(), to: z.string() }),
  "auth.second_factor_pass": z.object({ method: z.enum(["passkey", "totp"]), enrolled: z.boolean().optional(), passkeyId: id.optional() }),
  "auth.second_factor_fail": z.object({ method: z.enum(["passkey", "totp"]), reason: z.string(), sessionId: nullableId }),
  "user.register": empty,
  "user.role_changed": z.object({ from: z.string(), to: z.string() }),
  "user.role_granted_cli": z.object({ from: z.string().nullable(), to: z.string(), operator: z.string() }),
  // The account holder's real name was verified (the check that passed; other accounts already verified with the same name and masked ID).
  "user.real_name_verified": z.object({ identityCheckId: id, sameIdentityOn: z.array(id).optional() }),
  "totp.enable": empty,
  "totp.disable": empty,
  "passkey.register": z.object({ deviceType: z.string(), backedUp: z.boolean() }),
  "passkey.rename": z.object({ name: z.string() }),
  "passkey.delete": z.object({ name: z.string() }),

  // identity and materials
  "identity.check_started": z.object({ method: z.string(), role: z.string(), orderId: nullableId }),
  "identity.check_passed": empty,
  "identity.check_failed": z.object({ reason: z.string().nullable() }),
  "material.uploaded": z.object({
    materialId: id,
    kind: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    receivedSha256: z.string(),
    receivedSize: z.number().int(),
    replaced: z.number().int(),
  }),

  // orders and reviews
  "order.created": z.object({ no: z.string(), subjectType: z.string() }),
  "order.fixture_created": z.object({ no: z.string() }),
  "order.offline": empty,
  "order.authorization_sent": z.object({ orderId: id }),
  "order.authorization_signed": z.object({ orderId: id, signatureHash: z.string() }),
  "order.submitted": transition,
  "order.paid": transition,
  "order.paid_auto_approved": transition,
  "order.approved": transition,
  "order.rejected": transition,
  "order.cancelled": transition,
  "order.reapplied": transition,
  "order.paper_received": transition,
  "order.sandbox_test_order": transition,
  "order.downloaded": transition,
  "order.revoked": transition,
  "order.decision_refused": z.object({ decision: z.enum(["approve", "reject"]), reason: z.enum(DECISION_REFUSAL_REASONS), code: z.string() }),
  "review.approve": z.object({ round: z.number().int(), approvals: z.number().int(), needed: z.number().int() }),
  "review.reject": z.object({ round: z.number().int() }),

  // payments and invoices
  "payment.created": z.object({ orderId: id, method: z.string(), amountFen: z.number().int(), provider: z.string() }),
  "payment.amount_mismatch": z.object({ expected: z.number().int(), got: z.number().nullable(), currency: z.string().nullable(), eventId: nullableId }),
  "payment.succeeded": paymentSucceeded,
  "payment.succeeded_refund_needed": paymentSucceeded,
  "payment.failed": z.object({ eventId: nullableId }),
  "payment.cancelled": z.object({ eventId: nullableId }),
  "invoice.issued": z.object({ orderId: id, number: z.string(), amountFen: z.number().int() }),
  "invoice.reissued": z.object({ orderId: id, number: z.string(), amountFen: z.number().int(), supersedes: z.string(), note: z.string().optional() }),
  "invoice.reversed": z.object({ orderId: id, number: z.string(), reverses: z.string(), amountFen: z.number().int() }),
  "bank_card.unbound": z.object({ numberMasked: z.string() }),
  "feedback.submitted": z.object({ topic: z.string(), hasScreenshot: z.boolean() }),
  "feedback.answered": z.object({ userId: id }),
  "invoice.emailed": z.object({ orderId: id, number: z.string(), isOtherAddress: z.boolean() }),

  // USB Key shipping (发货管理); the address itself is not copied into the audit trail
  "shipment.shipped": z.object({ orderId: id, carrier: z.string(), trackingNo: z.string() }),
  "shipment.delivered": z.object({ orderId: id }),
  "shipment.address_changed": z.object({ orderId: id }),

  // console administration
  "channel.free_subject_added": z.object({ subject: z.string(), note: z.string() }),
  "channel.free_subject_removed": z.object({ subject: z.string() }),
  "channel.updated": z.object({
    prices: z.record(z.string(), z.number()),
    previousPrices: z.record(z.string(), z.number()),
    // The review switches after and before the change (issue 13: desk revocations, renewal materials, four-eyes).
    switches: z.record(z.string(), z.boolean()).optional(),
    previousSwitches: z.record(z.string(), z.boolean()).optional(),
    // 证书变更's price (fen) and materials after and before.
    change: z.object({ priceFen: z.number().int(), materialsUnit: z.array(z.string()), materialsIndividual: z.array(z.string()) }).optional(),
    previousChange: z.object({ priceFen: z.number().int(), materialsUnit: z.array(z.string()), materialsIndividual: z.array(z.string()) }).optional(),
  }),
  "platform.created": z.object({ code: z.string(), name: z.string(), callbackUrls: z.array(z.string()) }),
  "platform.updated": z.object({ name: z.string(), nameEn: z.string().nullable(), homepage: z.string().nullable(), callbackUrls: z.array(z.string()), webhookUrl: z.string().nullable(), active: z.boolean(), latitude: z.number().nullable().optional(), longitude: z.number().nullable().optional() }),
  "platform.secret_rotated": z.object({ code: z.string() }),

  // CA hierarchy, certificates, CRLs
  "ca.created": z.object({ kind: z.string(), keyOffline: z.boolean(), serialHex: z.string(), subjectDn: z.string(), notAfter: z.string(), fingerprintSha256: z.string() }),
  "ca.root_initialized_offline": z.object({ keyRef: z.string(), keyFile: z.string(), serialHex: z.string(), crlNumber: z.string(), ...cli }),
  "ca.root_exported_offline": z.object({ previousKeyRef: z.string().nullable(), keyRef: z.string(), keyFile: z.string(), ...cli }),
  "ca.issuing_created_offline": z.object({ rootId: id, serialHex: z.string(), issuingCrlNumber: z.string(), rootCrlNumber: z.string(), ...cli }),
  "ca.root_crl_signed_offline": z.object({ crlNumber: z.string(), nextUpdate: z.string(), ...cli }),
  "ca.status_viewed": z.object({ cas: z.number().int(), ...cli }),
  "ca.command_refused": z.object({ command: z.string(), code: z.string(), reason: z.string(), ...cli }),
  "crl.generated": z.object({ crlNumber: z.string(), entries: z.number().int(), nextUpdate: z.string(), keyOffline: z.boolean() }),
  "certificate.issued": z.object({ serialHex: z.string(), usage: z.string(), caId: id, orderId: nullableId, fingerprintSha256: z.string() }),
  "certificate.revoked": z.object({ serialHex: z.string(), reason: z.string(), reasonCode: z.number().int(), revokedAt: z.string() }),
  "certificate.expired": z.object({ serialHex: z.string() }),
  // POST /api/v1/subjects/match: a platform asked for a person's subject identifier (never the ID number on record).
  "certificate.subject_matched": z.object({ platformId: id, matched: z.boolean() }),
  "certificate.revocation_requested": z.object({ serialHex: z.string(), reason: z.string(), requestId: id }),
  // 驳回 of a holder's desk revocation request (the reason is on the order's rejected event).
  "certificate.revocation_refused": z.object({ serialHex: z.string(), requestId: id, orderId: id }),
  // 证书变更: the new pair issued, the old one superseded (serials of the old pair revoked now; empty if it was revoked before).
  "certificate.changed": z.object({ oldSerialHex: z.string(), oldRevoked: z.array(z.string()), newSerials: z.array(z.string()), fields: z.array(z.string()) }),

  // key shares, PINs, the server half, recovery
  "key_share.created": z.object({ publicKey: z.string() }),
  "key.pin_set": group,
  "key.pin_change_staged": group,
  "key.rotated": group,
  "key.pin_reset_cancelled": group,
  "key.pin_failed": z.object({ failures: z.number().int(), group: z.array(id) }),
  "key.locked": z.object({ failures: z.number().int(), group: z.array(id) }),
  "key.pin_reset": z.object({ group: z.array(id), identityCheckId: id, faceCheckId: id.optional(), resetAt: z.string().optional() }),
  "key.unlocked": z.object({ group: z.array(id), identityCheckId: id, faceCheckId: id.optional() }),
  "key.server_half": z.object({ e: z.string(), r: z.string(), route: z.string(), scanRequestId: nullableId }),
  "key.server_decrypt_half": z.object({ route: z.string(), scanRequestId: nullableId }),
  "key.recovery_requested": recovery,
  "key.recovery_approved": z.object({ keyShareId: id, reason: z.string().nullable() }),
  "key.recovery_rejected": z.object({ keyShareId: id, reason: z.string().nullable() }),
  "key.recovery_delivered": z.object({ keyShareId: id, kmkId: id }),
  "key.recovery_staged": recovery,
  "key.recovery_installed": recovery,
  // 证书补办 (lost or replaced phone, docs/lifecycle.md): the holder's check, a refused identity, the new signing certificate.
  "reissue.requested": z.object({ orderId: id, certificateId: id, recoveryId: id, identityCheckId: id }),
  "reissue.identity_refused": z.object({ certificateId: id, reason: z.enum(["not_holder", "not_account_identity", "check_failed"]) }),
  "reissue.completed": z.object({ orderId: id, oldSerial: z.string(), newSerial: z.string() }),

  // scan requests and sessions (scan.<type> per completed ScanType)
  "scan.login": scanCompleted,
  "scan.sign": scanCompleted,
  "scan.decrypt": scanCompleted,
  "scan.sync_subject": scanCompleted,
  "scan.reject": empty,
  "scan.session_open": z.object({ platformId: id, certificateId: id, minutes: z.number(), autoConfirm: z.boolean() }),
  "scan.session_end": empty,
  "scan.refused": z.object({ platformId: id, serial: z.string(), reason: z.string() }),
  // The phone's joint decryption failed (the ciphertext is not for this certificate's key): the request ends FAILED.
  "scan.failed": z.object({ platformId: id, serial: z.string(), reason: z.string() }),

  // organizations (issue 12): targetType "organization", targetId the organization's id
  "org.created": z.object({ uscc: z.string(), name: z.string(), orderId: nullableId }),
  "org.updated": z.object({ fields: z.array(z.string()) }),
  "org.deleted": z.object({ revoked: z.number().int(), sealsVoided: z.number().int() }),
  "org.admin_assigned": z.object({ userId: id, via: z.enum(["claim", "deposit", "transfer", "console"]) }),
  "org.admin_transferred": z.object({ from: id, to: id, via: z.enum(["certificate", "paper"]), requestId: id }),
  "org.member_added": z.object({ userId: id, role: z.string(), via: z.enum(["admin", "join", "deposit", "order"]) }),
  "org.member_removed": z.object({ userId: id, revoked: z.number().int(), authorizationsRevoked: z.number().int() }),
  "org.member_role_changed": z.object({ userId: id, from: z.string(), to: z.string() }),
  "org.legal_rep_verified": z.object({ userId: id, identityCheckId: id }),
  "org.request_created": z.object({ requestId: id, kind: z.string(), platformIds: z.array(id) }),
  "org.request_approved": z.object({ requestId: id, kind: z.string(), stage: z.string(), to: z.string() }),
  "org.request_rejected": z.object({ requestId: id, kind: z.string(), stage: z.string(), reason: z.string() }),
  "org.request_cancelled": z.object({ requestId: id, kind: z.string() }),
  "org.signature_requested": z.object({ signatureId: id, purpose: z.string(), scanRequestId: id }),
  "org.signature_applied": z.object({ signatureId: id, purpose: z.string(), serial: z.string() }),
  "org.signature_failed": z.object({ signatureId: id, purpose: z.string(), reason: z.string() }),
  "org.authorization_granted": z.object({ membershipId: id, platformId: id, signatureId: nullableId }),
  "org.authorization_revoked": z.object({ membershipId: id, platformId: id }),
  "org.certificate_revoked": z.object({ serialHex: z.string(), holderId: nullableId, reason: z.string() }),
  "seal.created": z.object({ kind: z.string(), source: z.string(), orgId: nullableId, certificateId: nullableId, orderId: nullableId, status: z.string() }),
  "seal.submitted": z.object({ from: z.string(), replacesSealId: nullableId }),
  "seal.cancelled": z.object({ from: z.string() }),
  "seal.approved": z.object({ esId: z.string(), certificateId: id, validTo: z.string(), automatic: z.boolean() }),
  "seal.rejected": z.object({ reason: z.string() }),
  "seal.voided": z.object({ reason: z.string(), certificateId: nullableId, needsReapply: z.boolean() }),
  "seal.deleted": z.object({ from: z.string() }),
  "seal.downloaded": z.object({ certificateId: id, what: z.string() }),
  // 授权用章: the use of an enterprise seal granted to / withdrawn from a member's certificate (the SES_Seal re-issued with the new certList).
  "seal.use_granted": z.object({ certificateId: id, holderId: nullableId, esId: z.string(), certCount: z.number().int() }),
  "seal.use_withdrawn": z.object({ certificateId: id, reason: z.string(), esId: nullableId, certCount: z.number().int() }),
} satisfies Record<string, z.ZodObject>;

export type AuditAction = keyof typeof AUDIT_DATA_SCHEMAS;
export type AuditData<A extends AuditAction> = z.input<(typeof AUDIT_DATA_SCHEMAS)[A]>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_DATA_SCHEMAS) as AuditAction[];

/**
 * Names written before the `<domain>.<verb>` grammar (three segments). Old rows keep their stored
 * name (the hash covers it); the console labels them as the action they became.
 */
export const LEGACY_AUDIT_ACTIONS: Record<string, AuditAction> = {
  "auth.password.set": "auth.password_set",
  "auth.password.change": "auth.password_change",
  "auth.password.reset": "auth.password_reset",
  "auth.phone.change": "auth.phone_change",
};

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_DATA_SCHEMAS, action);
}

/** The current action a stored name stands for (itself, or its legacy alias), or null for a name the desk never wrote. */
export function resolveAuditAction(stored: string): AuditAction | null {
  if (isAuditAction(stored)) return stored;
  return LEGACY_AUDIT_ACTIONS[stored] ?? null;
}

/** Throws (a ZodError, or an Error for an unknown name) when `data` does not fit the action: every caller is our code. */
export function assertAuditData(action: string, data: unknown): void {
  if (!isAuditAction(action)) throw new Error(`unknown audit action ${JSON.stringify(action)}`);
  AUDIT_DATA_SCHEMAS[action].parse(data);
}
