import { describe, expect, it } from "vitest";
import { startSign } from "@/lib/pki/two-party";
import { encrypt as sm2Encrypt } from "@/lib/pki/sm2-encrypt";
import { generateKeyPair, getPublicKey } from "@/lib/pki/sm2";
import { PkiError } from "@/lib/pki/errors";
import { makeTempDir, openssl as opensslRaw, opensslSm2Key, writeTemp } from "../unit/pki/helpers/openssl";
import { sm3 } from "@/lib/pki/sm3";
import { bytesToHex } from "@/lib/pki/encoding";
import { pemToDer } from "@/lib/pki/pem";
import { certificatePublicKey, toCertificate } from "@/lib/pki/x509/certificate-input";
import { db } from "@/lib/db/client";
import { describeError } from "@/lib/server/http/describe-error";
import { signWithPin } from "@/lib/server/keys/sign-with-pin";
import { createScanRequest } from "@/lib/server/scan/create-scan-request";
import { ZCreateScanRequestSchema } from "@/lib/server/scan/scan.types";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";
import { signForScan } from "@/lib/server/scan/sign-for-scan";
import { completePhoneScan } from "@/lib/server/scan/complete-phone-scan";
import { rejectScanRequest } from "@/lib/server/scan/reject-scan-request";
import { failScanRequest } from "@/lib/server/scan/fail-scan-request";
import { claimSessionRequests } from "@/lib/server/scan/claim-session-requests";
import { endScanSession } from "@/lib/server/scan/end-scan-session";
import { listScanSessions } from "@/lib/server/scan/list-scan-sessions";
import { wipeScanPlaintexts } from "@/lib/server/scan/wipe-scan-plaintexts";
import { getPlatformScanRequest } from "@/lib/server/scan/get-platform-scan-request";
import { listUsageRecords } from "@/lib/server/scan/list-usage-records";
import { usageRecordsCsv } from "@/lib/server/scan/usage-records-csv";
import { createPlatform } from "../support/platform-fixtures";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { PIN, holderWithCertificates, scanCms, scanDecrypt, scanLogin } from "./scan-phone-support";

const tokenOf = (qrContent: string) => qrContent.split("/m/s/")[1]!;

async function request(platformId: string, body: Record<string, unknown>) {
  return createScanRequest({ platformId, input: ZCreateScanRequestSchema.parse(body) });
}

/** A request the holder has scanned (opened), as the phone's /m/s/<token> page does. */
async function scanned(holder: Awaited<ReturnType<typeof holderWithCertificates>>, platformId: string, body: Record<string, unknown>) {
  const created = await request(platformId, body);
  const opened = await openScanForPhone({ userId: holder.user.id, token: tokenOf(created.qrContent) });
  return { ...created, opened };
}

const status = (err: unknown) => describeError(err, "zh-CN").status;

describe("phone scan API: PIN gating and error codes", () => {
  it("login: completes only after a PIN-checked half for this request; the result carries the encryption certificate", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const challenge = `login-${Date.now()}-abcdefgh`;
    const req = await scanned(holder, platform.id, { type: "login", challenge });
    expect(req.opened.certificates.map((c) => c.keyShareId)).toEqual([holder.sign.keyShareId]);
    expect(req.opened.certificates[0]!.pem).toContain("BEGIN CERTIFICATE");

    // No server half at all: refused (403), whatever the phone sends.
    const err = await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result: { signature: "AAAA" } } }).catch((e) => e);
    expect(err.code).toBe("forbidden");
    expect(status(err)).toBe(403);

    // The generic /sign (PIN and all) does not sign the challenge outside this request: it signs only its PIN-check message.
    const { request: sreq } = startSign({ keyId: holder.sign.keyShareId, message: new TextEncoder().encode(challenge), publicKey: holder.sign.publicKey });
    await expectAppError(signWithPin({ userId: holder.user.id, keyShareId: holder.sign.keyShareId, input: { pin: PIN, request: sreq } }), "validation_failed", "phone.errors.digestMismatch");

    // A wrong PIN: 422 code_invalid, and still nothing to complete with.
    const wrong = await scanLogin(holder, req.id, challenge, "111111").catch((x) => x);
    expect(wrong.code).toBe("code_invalid");
    expect(status(wrong)).toBe(422);
    // No PIN outside a session: validation_failed.
    await expectAppError(scanLogin(holder, req.id, challenge), "validation_failed");

    const result = await scanLogin(holder, req.id, challenge, PIN);
    await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result } });
    const view = await getPlatformScanRequest({ platformId: platform.id, id: req.id });
    expect(view.status).toBe("completed");
    const enc = (view.result as { encryptionCertificate: string }).encryptionCertificate;
    expect(certificatePublicKey(toCertificate(pemToDer(enc)))).toEqual(holder.enc.publicKey);

    // The same completion again (its answer was lost): the same answer, nothing completes twice.
    expect(await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result } })).toEqual({ id: req.id, status: "completed", session: null });
    expect(await db.auditLog.count({ where: { action: "scan.login", targetId: req.id } })).toBe(1);
    // Another result for the finished request: 409.
    const other = { signature: Buffer.from(Buffer.from(result.signature, "base64").map((b, i) => (i === 10 ? b ^ 1 : b))).toString("base64") };
    const replay = await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result: other } }).catch((x) => x);
    expect(replay.code).toBe("conflict");
    expect(status(replay)).toBe(409);
  });

  it("refuses foreign requests (404), expired ones (410), the wrong certificate (404) and the wrong operation (400)", async () => {
    const holder = await holderWithCertificates();
    const stranger = await createUser();
    const { platform } = await createPlatform();
    const req = await scanned(holder, platform.id, { type: "login", challenge: `login-${Date.now()}-foreign00` });
    const foreign = await scanLogin({ ...holder, user: stranger }, req.id, "x", PIN).catch((x) => x);
    expect(foreign.code).toBe("not_found");
    expect(status(foreign)).toBe(404);
    await expectAppError(completePhoneScan({ userId: stranger.id, id: req.id, input: { certificateId: holder.sign.cert.id, result: {} } }), "not_found");
    // The encryption certificate cannot log in.
    const { e: _e, request: sreq } = startSign({ keyId: holder.enc.keyShareId, message: new Uint8Array([1]), publicKey: holder.enc.publicKey });
    await expectAppError(signForScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.enc.cert.id, pin: PIN, request: sreq } }), "not_found");

    await db.scanRequest.update({ where: { id: req.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const gone = await scanLogin(holder, req.id, "x", PIN).catch((x) => x);
    expect(gone.code).toBe("gone");
    expect(status(gone)).toBe(410);
    const expired = await request(platform.id, { type: "login", challenge: `login-${Date.now()}-expired00` });
    await db.scanRequest.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(openScanForPhone({ userId: holder.user.id, token: tokenOf(expired.qrContent) }), "gone");

    // A decrypt request cannot be signed for.
    const dec = await scanned(holder, platform.id, { type: "decrypt", ciphertext: Buffer.from(sm2Encrypt(holder.enc.publicKey, new Uint8Array(32).fill(7))).toString("base64"), title: "开标" });
    const wrongOp = await scanLogin(holder, dec.id, "x", PIN).catch((x) => x);
    expect(wrongOp.code).toBe("bad_request");
    expect(status(wrongOp)).toBe(400);

    // A declined request cannot be completed afterwards.
    const declined = await scanned(holder, platform.id, { type: "sync_subject" });
    await rejectScanRequest({ userId: holder.user.id, id: declined.id });
    await expectAppError(scanLogin(holder, declined.id, "x", PIN), "conflict");
  });

  it("decrypt: the plaintext completes only after the PIN-checked decryption half", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const key = new Uint8Array(32).map((_, i) => i + 1);
    const req = await scanned(holder, platform.id, { type: "decrypt", ciphertext: Buffer.from(sm2Encrypt(holder.enc.publicKey, key)).toString("base64"), title: "开标" });
    await expectAppError(completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.enc.cert.id, result: { plaintext: Buffer.from(key).toString("base64") } } }), "forbidden");
    await expectAppError(scanDecrypt(holder, req.id, sm2Encrypt(holder.enc.publicKey, key), "000000"), "code_invalid");
    const result = await scanDecrypt(holder, req.id, sm2Encrypt(holder.enc.publicKey, key));
    expect(Buffer.from(result.plaintext, "base64")).toEqual(Buffer.from(key));
    await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.enc.cert.id, result } });
    const view = await getPlatformScanRequest({ platformId: platform.id, id: req.id });
    expect(view.status).toBe("completed");
    expect(Buffer.from((view.result as { plaintext: string }).plaintext, "base64")).toEqual(Buffer.from(key));
    // At rest the plaintext is sealed: the row (a database copy) does not carry it.
    const row = await db.scanRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(JSON.stringify(row.result)).not.toContain(Buffer.from(key).toString("base64"));
    expect(row.result).toHaveProperty("plaintextSealed");
    // A day after completion maintenance wipes it; the platform then reads plaintext null.
    await db.scanRequest.update({ where: { id: req.id }, data: { completedAt: new Date(Date.now() - 25 * 3600_000) } });
    expect(await wipeScanPlaintexts()).toBeGreaterThanOrEqual(1);
    const later = await getPlatformScanRequest({ platformId: platform.id, id: req.id });
    expect(later.result).toMatchObject({ plaintext: null, plaintextWiped: true });
    expect((await db.scanRequest.findUniqueOrThrow({ where: { id: req.id } })).result).not.toHaveProperty("plaintextSealed");
  });

  it("decrypt: a ciphertext for another key ends failed (decrypt_failed) as soon as the phone's decryption fails; a malformed one is refused at creation", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const otherKey = getPublicKey(generateKeyPair().privateKey);
    const ciphertext = sm2Encrypt(otherKey, new Uint8Array(32).fill(9));
    const req = await scanned(holder, platform.id, { type: "decrypt", ciphertext: Buffer.from(ciphertext).toString("base64"), title: "开标" });
    const fail = () => failScanRequest({ userId: holder.user.id, id: req.id, input: { certificateId: holder.enc.cert.id, reason: "decrypt_failed" } });
    // Not before the PIN-checked decryption half ran: a failure is only reported for a decryption that happened.
    await expectAppError(fail(), "forbidden");
    const failed = await scanDecrypt(holder, req.id, ciphertext).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PkiError);
    expect((failed as PkiError).code).toBe("decrypt_failed");
    // The phone reports it, possibly more than once at a time: one outcome.
    const reports = await Promise.allSettled(Array.from({ length: 10 }, fail));
    expect(reports.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of reports) if (r.status === "rejected") expect(status(r.reason)).toBe(409);
    const view = await getPlatformScanRequest({ platformId: platform.id, id: req.id });
    expect(view).toMatchObject({ status: "failed", failReason: "decrypt_failed", result: null });
    expect(view.completedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "scan.failed", targetId: req.id } })).toBe(1);
    await expectAppError(completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.enc.cert.id, result: { plaintext: "AAAA" } } }), "conflict");

    // Not an SM2 ciphertext (or C1 off the curve): 422 on creation, with the field named.
    for (const bad of [Buffer.from("not a ciphertext at all, really").toString("base64"), Buffer.concat([Buffer.from([4]), Buffer.alloc(120, 1)]).toString("base64")]) {
      const err = await expectAppError(request(platform.id, { type: "decrypt", ciphertext: bad, title: "开标" }), "validation_failed");
      expect(describeError(err, "en").fields?.ciphertext?.[0]).toMatch(/GM\/T 0009 DER or C1C3C2/);
    }
    // Both accepted formats are taken.
    for (const format of ["der", "c1c3c2"] as const) {
      await request(platform.id, { type: "decrypt", ciphertext: Buffer.from(sm2Encrypt(holder.enc.publicKey, new Uint8Array(16).fill(1), { format })).toString("base64"), title: "开标" });
    }
  });

  it("decrypt with resultEncryptionKey: the key comes back SM2-encrypted to the platform (OpenSSL decrypts it), never in clear", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const platformKey = opensslSm2Key();
    const key = new Uint8Array(32).map((_, i) => 200 - i);
    const ciphertext = sm2Encrypt(holder.enc.publicKey, key);
    const req = await scanned(holder, platform.id, { type: "decrypt", ciphertext: Buffer.from(ciphertext).toString("base64"), title: "开标", resultEncryptionKey: bytesToHex(platformKey.publicKey).toUpperCase() });
    const result = await scanDecrypt(holder, req.id, ciphertext);
    await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.enc.cert.id, result } });
    const view = await getPlatformScanRequest({ platformId: platform.id, id: req.id });
    const out = view.result as { plaintext: string | null; encryptedPlaintext: string };
    expect(out.plaintext).toBeNull();
    const encrypted = Buffer.from(out.encryptedPlaintext, "base64");
    expect(encrypted[0]).toBe(0x30); // GM/T 0009 DER
    const dir = makeTempDir();
    const opened = opensslRaw(["pkeyutl", "-decrypt", "-inkey", platformKey.keyPath, "-in", writeTemp(dir, "ct.der", encrypted)]);
    expect(Buffer.from(opened)).toEqual(Buffer.from(key));
    // Neither the row nor the view carries the key in clear.
    const row = await db.scanRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(JSON.stringify(row.result)).not.toContain(Buffer.from(key).toString("base64"));
    expect(JSON.stringify(view)).not.toContain(Buffer.from(key).toString("base64"));
    // Not a point on the curve: refused at creation.
    const bad = await expectAppError(request(platform.id, { type: "decrypt", ciphertext: Buffer.from(ciphertext).toString("base64"), title: "开标", resultEncryptionKey: "04" + "11".repeat(64) }), "validation_failed");
    expect(describeError(bad, "en").fields?.resultEncryptionKey).toHaveLength(1);
  });

  it("会话签章: a PIN-confirmed sign opens a session; its requests reach the phone without a scan and are signed without the PIN until it ends", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const other = await createPlatform();
    const digest = bytesToHex(sm3(new TextEncoder().encode("投标文件")));
    const first = await scanned(holder, platform.id, { type: "sign", digest, title: "商务标" });
    // Only sign requests open sessions.
    const challenge = `login-${Date.now()}-session0`;
    const login = await scanned(holder, platform.id, { type: "login", challenge });
    const loginResult = await scanLogin(holder, login.id, challenge, PIN);
    await expectAppError(completePhoneScan({ userId: holder.user.id, id: login.id, input: { certificateId: holder.sign.cert.id, result: loginResult, session: { minutes: 15, autoConfirm: false } } }), "bad_request");

    const done = await completePhoneScan({
      userId: holder.user.id,
      id: first.id,
      input: { certificateId: holder.sign.cert.id, result: await scanCms(holder, first.id, digest, PIN), session: { minutes: 15, autoConfirm: true } },
    });
    const sessionId = done.session!.id;
    const view = await getPlatformScanRequest({ platformId: platform.id, id: first.id });
    expect((view.result as { sessionId: string }).sessionId).toBe(sessionId);

    // The platform sends a further request into the session; another platform naming the same id is
    // refused as an unknown session (not told it exists), and so is an id nobody issued.
    const next = await request(platform.id, { type: "sign", digest, title: "技术标", sessionId });
    const stray = await expectAppError(request(other.platform.id, { type: "sign", digest, title: "别的平台", sessionId }), "validation_failed");
    const unknown = await expectAppError(request(platform.id, { type: "sign", digest, title: "编造", sessionId: "clnosuchsession000000000" }), "validation_failed");
    expect(describeError(stray, "en").fields).toEqual(describeError(unknown, "en").fields);
    expect(describeError(stray, "en").fields?.sessionId?.[0]).toMatch(/unknown sessionId/);
    expect(await db.scanRequest.count({ where: { platformId: other.platform.id } })).toBe(0);
    const pending = await claimSessionRequests({ userId: holder.user.id });
    expect(pending.map((p) => p.id)).toEqual([next.id]);
    expect(pending[0]!.session.autoConfirm).toBe(true);

    // Signed with d1 kept in memory and no PIN: the session is the authorisation.
    await completePhoneScan({ userId: holder.user.id, id: next.id, input: { certificateId: holder.sign.cert.id, result: await scanCms(holder, next.id, digest, undefined, holder.sign.d1) } });
    const inSession = await getPlatformScanRequest({ platformId: platform.id, id: next.id });
    expect(inSession.status).toBe("completed");
    // The result of a request that arrived through the session names it, as the opening one did.
    expect((inSession.result as { sessionId: string }).sessionId).toBe(sessionId);
    expect((await listScanSessions({ userId: holder.user.id }))[0]).toMatchObject({ id: sessionId, isOpen: true, signed: 2 });

    await endScanSession({ userId: holder.user.id, sessionId });
    await expectAppError(endScanSession({ userId: holder.user.id, sessionId }), "not_found");
    // An ended session is gone: the platform must send an ordinary request (the holder scans again).
    const late = await expectAppError(request(platform.id, { type: "sign", digest, title: "结束后", sessionId }), "gone");
    expect(describeError(late, "zh-CN")).toMatchObject({ status: 410, fields: { sessionId: [expect.stringContaining("已结束")] } });
    expect(await claimSessionRequests({ userId: holder.user.id })).toEqual([]);
    // Someone else cannot end a holder's session.
    await expectAppError(endScanSession({ userId: (await createUser()).id, sessionId }), "not_found");
  });

  it("a claimed session request needs the PIN again once the session has ended", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const digest = bytesToHex(sm3(new TextEncoder().encode("x")));
    const first = await scanned(holder, platform.id, { type: "sign", digest, title: "一" });
    const done = await completePhoneScan({ userId: holder.user.id, id: first.id, input: { certificateId: holder.sign.cert.id, result: await scanCms(holder, first.id, digest, PIN), session: { minutes: 15, autoConfirm: false } } });
    const next = await request(platform.id, { type: "sign", digest, title: "二", sessionId: done.session!.id });
    await claimSessionRequests({ userId: holder.user.id });
    await endScanSession({ userId: holder.user.id, sessionId: done.session!.id });
    const { request: noPin } = startSign({ keyId: holder.sign.keyShareId, message: new Uint8Array([1]), publicKey: holder.sign.publicKey });
    await expectAppError(signForScan({ userId: holder.user.id, id: next.id, input: { certificateId: holder.sign.cert.id, request: noPin } }), "validation_failed");
    await completePhoneScan({ userId: holder.user.id, id: next.id, input: { certificateId: holder.sign.cert.id, result: await scanCms(holder, next.id, digest, PIN) } });
  });

  it("使用记录: every operation with type, platform, serial, time and result; CSV is formula-safe", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const challenge = `login-${Date.now()}-usage000`;
    const ok = await scanned(holder, platform.id, { type: "login", challenge });
    await completePhoneScan({ userId: holder.user.id, id: ok.id, input: { certificateId: holder.sign.cert.id, result: await scanLogin(holder, ok.id, challenge, PIN) } });
    const declined = await scanned(holder, platform.id, { type: "sign", digest: "a".repeat(64), title: "=HYPERLINK(\"x\")" });
    await rejectScanRequest({ userId: holder.user.id, id: declined.id });
    const records = await listUsageRecords({ userId: holder.user.id });
    expect(records.map((r) => [r.type, r.result])).toEqual([["sign", "rejected"], ["login", "completed"]]);
    expect(records[1]!.serialHex).toBe(holder.sign.cert.serialHex);
    expect(records[1]!.platform).toBe(platform.name);
    expect(await listUsageRecords({ userId: (await createUser()).id })).toEqual([]);
    const csv = usageRecordsCsv({ records, labels: { header: ["时间", "操作", "平台", "内容", "序列号", "结果"], type: (t) => t, result: (r) => r } });
    expect(csv.startsWith("\uFEFF时间,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
