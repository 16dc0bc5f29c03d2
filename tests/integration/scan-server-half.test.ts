// Issue 17, hole 4: the server half signs only a digest the server computed itself, once per scan
// request, with an audit row per half; the generic /sign is no oracle; sessions last 15/30/60 min.
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { finishSign, startDecrypt, startSign, type TSignRequest } from "@/lib/pki/two-party";
import { encrypt as sm2Encrypt } from "@/lib/pki/sm2-encrypt";
import { sm2Digest } from "@/lib/pki/sm2-digest";
import { sm3 } from "@/lib/pki/sm3";
import { bytesToHex, hexToBytes } from "@/lib/pki/encoding";
import { OID } from "@/lib/pki/oids";
import { encodeSignedAttributes } from "@/lib/pki/cms/read-signed-attributes";
import { pinCheckMessage, syncSubjectMessage } from "@/lib/phone/signed-messages";
import { unwrapShare } from "@/lib/phone/wrap-share";
import { db } from "@/lib/db/client";
import { signWithPin } from "@/lib/server/keys/sign-with-pin";
import { decryptWithPin, DECRYPT_LIMITS } from "@/lib/server/keys/decrypt-with-pin";
import { releaseWrapKey } from "@/lib/server/keys/release-wrap-key";
import { createScanRequest } from "@/lib/server/scan/create-scan-request";
import { ZCreateScanRequestSchema } from "@/lib/server/scan/scan.types";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";
import { signForScan } from "@/lib/server/scan/sign-for-scan";
import { completePhoneScan } from "@/lib/server/scan/complete-phone-scan";
import { claimSessionRequests } from "@/lib/server/scan/claim-session-requests";
import { openScanSession } from "@/lib/server/scan/open-scan-session";
import { getPlatformScanRequest } from "@/lib/server/scan/get-platform-scan-request";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { createPlatform } from "../support/platform-fixtures";
import { expectAppError } from "../support/expect-app-error";
import { expectInvalid } from "../support/expect-invalid";
import { PIN, holderWithCertificates, scanCms, scanDecrypt, scanLogin } from "./scan-phone-support";

type Holder = Awaited<ReturnType<typeof holderWithCertificates>>;
const tokenOf = (qrContent: string) => qrContent.split("/m/s/")[1]!;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

async function scanned(holder: Holder, platformId: string, body: Record<string, unknown>) {
  const created = await createScanRequest({ platformId, input: ZCreateScanRequestSchema.parse(body) });
  await openScanForPhone({ userId: holder.user.id, token: tokenOf(created.qrContent) });
  return created;
}

/** A sign request whose e is SM2's digest of `message` (what an honest phone sends for it). */
const requestFor = (holder: Holder, message: Uint8Array) => startSign({ keyId: holder.sign.keyShareId, message, publicKey: holder.sign.publicKey });
/** A sign request with an e nobody computed from a message: the oracle query. */
function arbitraryE(holder: Holder): TSignRequest {
  return { ...requestFor(holder, new Uint8Array(1)).request, e: randomBytes(32).toString("hex") };
}

const halves = (keyShareId: string) => db.auditLog.findMany({ where: { action: "key.server_half", targetId: keyShareId }, orderBy: { id: "asc" } });
const pinFailures = async (keyShareId: string) => (await db.keyShare.findUniqueOrThrow({ where: { id: keyShareId } })).pinFailures;

describe("the server half signs only what it recomputes", () => {
  it("login: an e that is not SM3(Z ‖ challenge) is refused before the PIN, and no half runs", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const challenge = `login-${Date.now()}-oracle00`;
    const req = await scanned(holder, platform.id, { type: "login", challenge });
    const input = (request: TSignRequest, pin = PIN) => ({ certificateId: holder.sign.cert.id, pin, request });

    await expectAppError(signForScan({ userId: holder.user.id, id: req.id, input: input(arbitraryE(holder)) }), "validation_failed", "phone.errors.digestMismatch");
    // Another message's digest (a document's, another challenge) is just as much refused.
    const other = requestFor(holder, new TextEncoder().encode(`${challenge}x`)).request;
    await expectAppError(signForScan({ userId: holder.user.id, id: req.id, input: input(other) }), "validation_failed", "phone.errors.digestMismatch");
    // A wrong PIN with a wrong e costs no try: the e is checked first and needs no secret.
    await expectAppError(signForScan({ userId: holder.user.id, id: req.id, input: input(arbitraryE(holder), "000000") }), "validation_failed");
    expect(await pinFailures(holder.sign.keyShareId)).toBe(0);
    // Signed attributes have no place in a login.
    await expectInvalid(signForScan({ userId: holder.user.id, id: req.id, input: { ...input(requestFor(holder, new TextEncoder().encode(challenge)).request), signedAttributes: "MQA=" } }), "signedAttributes");
    expect(await halves(holder.sign.keyShareId)).toHaveLength(0);

    const result = await scanLogin(holder, req.id, challenge, PIN);
    await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result } });
    expect((await getPlatformScanRequest({ platformId: platform.id, id: req.id })).status).toBe("completed");
  });

  it("sync_subject: only the request's own sync message is signed", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const req = await scanned(holder, platform.id, { type: "sync_subject" });
    const { request: foreign } = requestFor(holder, syncSubjectMessage({ scanRequestId: "another-request" }));
    await expectAppError(signForScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, pin: PIN, request: foreign } }), "validation_failed", "phone.errors.digestMismatch");
    const { request } = requestFor(holder, syncSubjectMessage({ scanRequestId: req.id }));
    await signForScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, pin: PIN, request } });
    await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result: {} } });
    expect((await getPlatformScanRequest({ platformId: platform.id, id: req.id })).status).toBe("completed");
  });

  it("document: the signed attributes must carry the platform's digest, id-data and a signing time near now", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const digest = sm3(new TextEncoder().encode("投标文件 第二册"));
    const req = await scanned(holder, platform.id, { type: "sign", digest: bytesToHex(digest), title: "技术标" });
    const attempt = (attrs: Uint8Array, request = requestFor(holder, attrs).request) =>
      signForScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, pin: PIN, request, signedAttributes: b64(attrs) } });
    const attrs = (over: Partial<{ contentType: string; messageDigest: Uint8Array; signingTime: Date }> = {}) =>
      encodeSignedAttributes({ contentType: OID.cmsData, messageDigest: digest, signingTime: new Date(), ...over });

    await expectAppError(attempt(attrs({ messageDigest: sm3(new TextEncoder().encode("别的文件")) })), "validation_failed", "scanner.errors.wrongContent");
    await expectAppError(attempt(attrs({ signingTime: new Date(Date.now() - 60 * 60_000) })), "validation_failed", "scanner.errors.signingTime");
    await expectAppError(attempt(attrs({ signingTime: new Date(Date.now() + 10 * 60_000) })), "validation_failed", "scanner.errors.signingTime");
    await expectAppError(attempt(attrs({ contentType: OID.cmsSignedData })), "validation_failed", "scanner.errors.wrongContent");
    await expectAppError(attempt(Uint8Array.of(...attrs(), 0)), "validation_failed", "scanner.errors.wrongContent");
    // Right attributes, but an e over something else.
    await expectAppError(attempt(attrs(), arbitraryE(holder)), "validation_failed", "phone.errors.digestMismatch");
    // No attributes at all: refused.
    await expectAppError(signForScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, pin: PIN, request: arbitraryE(holder) } }), "validation_failed", "scanner.errors.wrongContent");
    expect(await halves(holder.sign.keyShareId)).toHaveLength(0);
    expect(await pinFailures(holder.sign.keyShareId)).toBe(0);

    // The phone's own CMS (signCmsDetached through the scan route) passes and completes.
    const result = await scanCms(holder, req.id, bytesToHex(digest), PIN);
    await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result } });
    expect((await getPlatformScanRequest({ platformId: platform.id, id: req.id })).status).toBe("completed");
  });

  it("one server half per scan request: a second one is refused, also when several race", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const challenge = `login-${Date.now()}-once0000`;
    const first = await scanned(holder, platform.id, { type: "login", challenge });
    const message = new TextEncoder().encode(challenge);
    const sign = () => signForScan({ userId: holder.user.id, id: first.id, input: { certificateId: holder.sign.cert.id, pin: PIN, request: requestFor(holder, message).request } });
    await sign();
    await expectAppError(sign(), "conflict", "scanner.errors.halfUsed");

    const raced = await scanned(holder, platform.id, { type: "login", challenge });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => signForScan({ userId: holder.user.id, id: raced.id, input: { certificateId: holder.sign.cert.id, pin: PIN, request: requestFor(holder, message).request } })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", userMessage: "scanner.errors.halfUsed" });
    const rows = await halves(holder.sign.keyShareId);
    expect(rows.map((r) => (r.data as { scanRequestId: string }).scanRequestId)).toEqual([first.id, raced.id]);

    // Decryption too: one half per decrypt request.
    const key = new Uint8Array(32).fill(9);
    const dec = await scanned(holder, platform.id, { type: "decrypt", ciphertext: b64(sm2Encrypt(holder.enc.publicKey, key)), title: "开标" });
    await scanDecrypt(holder, dec.id, sm2Encrypt(holder.enc.publicKey, key));
    await expectAppError(scanDecrypt(holder, dec.id, sm2Encrypt(holder.enc.publicKey, key)), "conflict", "scanner.errors.halfUsed");
  });

  it("inside a signing session: no PIN, but an arbitrary e is refused and each request gets one half", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const digestHex = bytesToHex(sm3(new TextEncoder().encode("会话文件")));
    const first = await scanned(holder, platform.id, { type: "sign", digest: digestHex, title: "一" });
    const done = await completePhoneScan({ userId: holder.user.id, id: first.id, input: { certificateId: holder.sign.cert.id, result: await scanCms(holder, first.id, digestHex, PIN), session: { minutes: 60, autoConfirm: true } } });
    const next = await createScanRequest({ platformId: platform.id, input: ZCreateScanRequestSchema.parse({ type: "sign", digest: digestHex, title: "二", sessionId: done.session!.id }) });
    expect((await claimSessionRequests({ userId: holder.user.id })).map((r) => r.id)).toEqual([next.id]);

    const noPin = (request: TSignRequest, signedAttributes?: string) => signForScan({ userId: holder.user.id, id: next.id, input: { certificateId: holder.sign.cert.id, request, signedAttributes } });
    const good = encodeSignedAttributes({ contentType: OID.cmsData, messageDigest: hexToBytes(digestHex), signingTime: new Date() });
    await expectAppError(noPin(arbitraryE(holder), b64(good)), "validation_failed", "phone.errors.digestMismatch");
    await expectAppError(noPin(arbitraryE(holder)), "validation_failed", "scanner.errors.wrongContent");
    const forged = encodeSignedAttributes({ contentType: OID.cmsData, messageDigest: sm3(new Uint8Array([1])), signingTime: new Date() });
    await expectAppError(noPin(requestFor(holder, forged).request, b64(forged)), "validation_failed", "scanner.errors.wrongContent");
    // A login message (or anything but this request's attributes) cannot ride on the session either.
    await expectAppError(noPin(requestFor(holder, new TextEncoder().encode("login-challenge-xyz")).request, b64(good)), "validation_failed", "phone.errors.digestMismatch");

    const out = await noPin(requestFor(holder, good).request, b64(good));
    expect(out.viaSession).toBe(true);
    await expectAppError(noPin(requestFor(holder, good).request, b64(good)), "conflict", "scanner.errors.halfUsed");
    const rows = await halves(holder.sign.keyShareId);
    expect(rows.filter((r) => (r.data as { scanRequestId: string }).scanRequestId === next.id)).toHaveLength(1);
  });

  it("a signing session lasts 15, 30 or 60 minutes: longer (or odd) lengths are refused", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const digestHex = bytesToHex(sm3(new TextEncoder().encode("时长")));
    const req = await scanned(holder, platform.id, { type: "sign", digest: digestHex, title: "时长" });
    const result = await scanCms(holder, req.id, digestHex, PIN);
    for (const minutes of [120, 61, 90, 5, 45]) {
      await expectInvalid(completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result, session: { minutes, autoConfirm: false } } }), "session.minutes");
    }
    await expectInvalid(openScanSession({ userId: holder.user.id, platformId: platform.id, certificateId: holder.sign.cert.id, minutes: 120, autoConfirm: false }), "minutes");
    expect(await db.scanSession.count({ where: { userId: holder.user.id } })).toBe(0);
    const done = await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result, session: { minutes: 60, autoConfirm: false } } });
    const lasts = new Date(done.session!.expiresAt).getTime() - Date.now();
    expect(lasts).toBeGreaterThan(59 * 60_000);
    expect(lasts).toBeLessThanOrEqual(60 * 60_000);
  });
});

describe("the generic /api/m/keys/:id/sign is no oracle", () => {
  it("signs only the PIN-check message for the request's nonce; an arbitrary e is refused without costing a PIN try", async () => {
    const holder = await holderWithCertificates();
    const sign = (request: TSignRequest, pin = PIN) => signWithPin({ userId: holder.user.id, keyShareId: holder.sign.keyShareId, input: { pin, request } });
    await expectAppError(sign(arbitraryE(holder)), "validation_failed", "phone.errors.digestMismatch");
    await expectAppError(sign(requestFor(holder, new TextEncoder().encode("任意文件摘要")).request), "validation_failed", "phone.errors.digestMismatch");
    await expectAppError(sign(arbitraryE(holder), "000000"), "validation_failed", "phone.errors.digestMismatch");
    expect(await pinFailures(holder.sign.keyShareId)).toBe(0);
    expect(await halves(holder.sign.keyShareId)).toHaveLength(0);

    // The PIN-check message for another nonce than the request's is refused too.
    const started = requestFor(holder, new Uint8Array(0));
    const otherNonce = pinCheckMessage({ keyShareId: holder.sign.keyShareId, nonce: "0".repeat(32) });
    await expectAppError(sign({ ...started.request, e: bytesToHex(sm2Digest(otherNonce, holder.sign.publicKey)) }), "validation_failed", "phone.errors.digestMismatch");

    // What the phone's 测试签名 sends: e over the PIN-check message for its own nonce.
    const message = pinCheckMessage({ keyShareId: holder.sign.keyShareId, nonce: started.request.nonce });
    const e = sm2Digest(message, holder.sign.publicKey);
    const request = { ...started.request, e: bytesToHex(e) };
    const { wrapKey, response } = await sign(request);
    const d1 = await unwrapShare({ wrapped: holder.sign.wrapped, wrapKey, keyShareId: holder.sign.keyShareId });
    expect(finishSign({ d1, k1: started.k1, e, publicKey: holder.sign.publicKey, request, response }).length).toBeGreaterThan(60);
    const rows = await halves(holder.sign.keyShareId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toEqual({ e: request.e, r: response.r, route: "POST /api/m/keys/:keyShareId/sign", scanRequestId: null });
  });
});

describe("audit rows and limits on the server halves", () => {
  it("one key.server_half row per half, in the half's transaction, with e, r, route and scan request", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const challenge = `login-${Date.now()}-audit000`;
    const req = await scanned(holder, platform.id, { type: "login", challenge });
    const { request } = requestFor(holder, new TextEncoder().encode(challenge));
    const out = await signForScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, pin: PIN, request } });
    const rows = await halves(holder.sign.keyShareId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: holder.user.id, targetType: "KeyShare", targetId: holder.sign.keyShareId });
    expect(rows[0]!.data).toEqual({ e: request.e, r: out.response.r, route: "POST /api/m/scan/:id/sign", scanRequestId: req.id });
    // A refused half (here: a replayed nonce on a fresh request) leaves no row.
    const again = await scanned(holder, platform.id, { type: "login", challenge });
    await expectAppError(signForScan({ userId: holder.user.id, id: again.id, input: { certificateId: holder.sign.cert.id, pin: PIN, request } }), "conflict", "replayed");
    expect(await halves(holder.sign.keyShareId)).toHaveLength(1);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("decryption halves are audited and limited per key share, atomically under concurrency", async () => {
    const holder = await holderWithCertificates();
    const { wrapKey } = await releaseWrapKey({ userId: holder.user.id, keyShareId: holder.enc.keyShareId, input: { pin: PIN } });
    const d1 = await unwrapShare({ wrapped: holder.enc.wrapped, wrapKey, keyShareId: holder.enc.keyShareId });
    const ciphertext = sm2Encrypt(holder.enc.publicKey, new Uint8Array(32).fill(3));
    const perMinute = DECRYPT_LIMITS[0]!.max;
    const outcomes = await Promise.allSettled(
      Array.from({ length: perMinute + 4 }, () =>
        decryptWithPin({ userId: holder.user.id, keyShareId: holder.enc.keyShareId, input: { pin: PIN, request: startDecrypt({ keyId: holder.enc.keyShareId, d1, ciphertext }).request } }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(perMinute);
    for (const o of outcomes.filter((o) => o.status === "rejected")) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: "rate_limited" });
    const rows = await db.auditLog.findMany({ where: { action: "key.server_decrypt_half", targetId: holder.enc.keyShareId } });
    expect(rows).toHaveLength(perMinute);
    expect(rows[0]!.data).toEqual({ route: "POST /api/m/keys/:keyShareId/decrypt", scanRequestId: null });
  });
});
