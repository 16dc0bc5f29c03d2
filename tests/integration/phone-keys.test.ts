import { describe, expect, it } from "vitest";
import { bytesToHex, hexToBytes } from "@/lib/pki/encoding";
import { finishSign, startKeygen, startSign, startDecrypt, finishDecrypt } from "@/lib/pki/two-party";
import { verify } from "@/lib/pki/sm2";
import { encrypt as sm2Encrypt } from "@/lib/pki/sm2-encrypt";
import { db } from "@/lib/db/client";
import { keyShareAad } from "@/lib/server/keys/key-share-aad";
import { openSecret } from "@/lib/db/seal";
import { startPhoneKeygen } from "@/lib/server/keys/start-phone-keygen";
import { downloadAsPhone as downloadPhone } from "../support/phone-download";
import { signWithPin } from "@/lib/server/keys/sign-with-pin";
import { decryptWithPin } from "@/lib/server/keys/decrypt-with-pin";
import { releaseWrapKey } from "@/lib/server/keys/release-wrap-key";
import { changePin } from "@/lib/server/keys/change-pin";
import { sendReverifyCode } from "@/lib/server/keys/send-reverify-code";
import { reverifyKey } from "@/lib/server/keys/reverify-key";
import { getPhoneCertificate } from "@/lib/server/certs/get-phone-certificate";
import { listPhoneCertificates } from "@/lib/server/certs/list-phone-certificates";
import { revokeCertificate } from "@/lib/server/certs/revoke-certificate";
import { unwrapShare, wrapShare } from "@/lib/phone/wrap-share";
import { pinCheckMessage } from "@/lib/phone/signed-messages";
import { sm2Digest } from "@/lib/pki/sm2-digest";
import { pemToDer } from "@/lib/pki/pem";
import { readCertificatePublicKey } from "@/lib/pki/x509/certificate-public-key";
import { refreshPhoneShare } from "@/lib/pki/two-party/refresh-share";
import { confirmPinRotation } from "@/lib/server/keys/confirm-pin-rotation";
import type { KeyRotation } from "@/lib/server/keys/stage-key-rotation";
import type { StoredKey } from "@/lib/phone/key-store";
import { openWith } from "@/lib/phone/open-stored-share";
import { startHolderFaceCheck } from "@/lib/server/keys/start-holder-face-check";
import { claimReverifyFaceCheck } from "@/lib/server/keys/claim-reverify-face-check";
import { completeFaceCheck } from "@/lib/server/identity/complete-face-check";
import { faceToken } from "@/lib/server/identity/face-link";
import { startIdentityCheck } from "@/lib/server/identity/start-identity-check";
import { cancelPinReset } from "@/lib/server/keys/cancel-pin-reset";
import { openPinSecret, sealPinSecret } from "@/lib/server/keys/pin-secret";
import { PIN_RESET_COOLING_OFF_MS } from "@/lib/server/keys/pin-reset-cooling-off";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { createUser, uniqueIp } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { expectInvalid } from "../support/expect-invalid";
import { latestSmsCode } from "../support/outbox";
import { createSubmittedOrder } from "../support/review-fixtures";

const PIN = "285714";

const downloadAsPhone = (userId: string, orderId: string, pin = PIN) => downloadPhone(userId, orderId, pin);

async function setup() {
  const user = await createUser();
  const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
  const phone = await downloadAsPhone(user.id, order.id);
  return { user, order, ...phone };
}

/** The 测试签名 request as the phone builds it: e over the server's PIN-check message for the request's nonce. */
function pinCheckRequest(key: { keyShareId: string; publicKey: Uint8Array }) {
  const started = startSign({ keyId: key.keyShareId, message: new Uint8Array(0), publicKey: key.publicKey });
  const message = pinCheckMessage({ keyShareId: key.keyShareId, nonce: started.request.nonce });
  const e = sm2Digest(message, key.publicKey);
  return { e, k1: started.k1, message, request: { ...started.request, e: bytesToHex(e) } };
}

/** A joint signature as the phone makes it: PIN → server half + W → open d1 → finish. */
async function phoneSign(userId: string, key: { keyShareId: string; publicKey: Uint8Array; wrapped: { iv: string; ct: string } }, pin: string) {
  const { e, k1, request, message } = pinCheckRequest(key);
  const { wrapKey, response } = await signWithPin({ userId, keyShareId: key.keyShareId, input: { pin, request } });
  const d1 = await unwrapShare({ wrapped: key.wrapped, wrapKey, keyShareId: key.keyShareId });
  return { signature: finishSign({ d1, k1, e, publicKey: key.publicKey, request, response }), message };
}

type PhoneRecord = { keyShareId: string; publicKey: Uint8Array; wrapped: { iv: string; ct: string } };

/**
 * Phase one on the phone: each record is opened with the current W, refreshed (d1·ρ) and wrapped
 * under W'. Returns the new records (the old ones are kept by the caller, as the phone keeps both).
 */
async function stageOnPhone(rotation: KeyRotation, records: PhoneRecord[]): Promise<Record<string, PhoneRecord & { d1: Uint8Array }>> {
  const out: Record<string, PhoneRecord & { d1: Uint8Array }> = {};
  for (const { keyShareId, rho } of rotation.refresh) {
    const record = records.find((r) => r.keyShareId === keyShareId);
    if (!record) continue;
    const d1 = refreshPhoneShare(await unwrapShare({ wrapped: record.wrapped, wrapKey: rotation.wrapKey, keyShareId }), rho);
    out[keyShareId] = { ...record, d1, wrapped: await wrapShare({ d1, wrapKey: rotation.nextWrapKey, keyShareId }) };
  }
  return out;
}

/** The phone's IndexedDB record during a rotation: the current encryption and the staged `next`. */
function storedRecord(current: PhoneRecord, next: PhoneRecord): StoredKey {
  return {
    keyShareId: current.keyShareId,
    usage: "SIGN",
    orderId: "o",
    certificateId: "c",
    serialHex: "00",
    publicKey: bytesToHex(current.publicKey),
    wrapped: current.wrapped,
    next: { wrapped: next.wrapped, createdAt: new Date().toISOString() },
    createdAt: new Date().toISOString(),
  };
}

/** What an attacker with one logged W and a copy of the phone's record can still do: open d1, get a half, finish. */
async function signWithLoggedW(userId: string, key: PhoneRecord, loggedW: string, pin: string) {
  const d1 = await unwrapShare({ wrapped: key.wrapped, wrapKey: loggedW, keyShareId: key.keyShareId });
  const { e, k1, request } = pinCheckRequest(key);
  const { response } = await signWithPin({ userId, keyShareId: key.keyShareId, input: { pin, request } });
  return finishSign({ d1, k1, e, publicKey: key.publicKey, request, response });
}

async function d2Of(userId: string, keyShareId: string) {
  const s = await db.keyShare.findUniqueOrThrow({ where: { id: keyShareId }, select: { publicKey: true, wrappedShare: true } });
  return bytesToHex(openSecret(s.wrappedShare, keyShareAad({ userId, publicKeyHex: s.publicKey })));
}

/** The holder's face check on the phone, done and passed (the sandbox passes the holder's face). */
async function passedFaceCheck(userId: string, keyShareId: string) {
  const { checkId, token } = await startHolderFaceCheck({ userId, keyShareId });
  expect(await completeFaceCheck({ token })).toMatchObject({ status: "PASSED" });
  return checkId;
}

async function reverifyAsHolder(userId: string, order: { draft: unknown }, keyShareId: string, pin?: string) {
  const holder = (order.draft as { person: { idNumber: string; phone: string } }).person;
  const faceCheckId = await passedFaceCheck(userId, keyShareId);
  await sendReverifyCode({ userId, keyShareId, ip: uniqueIp(), locale: "zh-CN" });
  const code = await latestSmsCode(holder.phone);
  return reverifyKey({ userId, keyShareId, input: { code, idNumber: holder.idNumber, faceCheckId, ...(pin ? { pin, confirm: pin } : {}) } });
}

async function sealedPinOf(id: string): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ pinVerifier: string }>>`SELECT "pinVerifier" FROM "KeyShare" WHERE id = ${id}`;
  return row!.pinVerifier;
}

/** Moves the staged reset's end of cooling-off into the past, as if the 24 hours had passed. */
async function endCoolingOff(shareIds: string[]) {
  for (const id of shareIds) {
    const secret = openPinSecret(id, await sealedPinOf(id));
    const pending = secret.pending as (typeof secret.pending & { notBefore?: string }) | undefined;
    expect(pending?.notBefore).toBeTruthy();
    const moved = { ...secret, pending: { ...pending!, notBefore: new Date(Date.now() - 1000).toISOString() } };
    await db.keyShare.update({ where: { id }, data: { pinVerifier: sealPinSecret(id, moved) } });
  }
}
describe("phone certificate download and PIN-gated key use", () => {
  it("downloads dual certificates for an approved order and completes it", async () => {
    const { user, order, issued, sign } = await setup();
    expect(issued.certificates.map((c) => c.usage)).toEqual(["SIGN", "ENCRYPT"]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("COMPLETED");
    const detail = await getPhoneCertificate({ userId: user.id, certificateId: issued.certificates[0]!.id });
    expect(detail.publicKeyHex).toBe(bytesToHex(sign.publicKey));
    expect(detail.ocsp.status).toBe("good");
    const list = await listPhoneCertificates({ userId: user.id });
    expect(list.active.map((c) => c.id)).toEqual([issued.certificates[0]!.id]);
    expect(list.active[0]!.isExpiringSoon).toBe(false);
    // A second download of the same order is refused: it is COMPLETED.
    const { request } = startKeygen();
    await expectAppError(startPhoneKeygen({ userId: user.id, input: { orderId: order.id, usage: "SIGN", request } }), "conflict");
  });

  it("issues one certificate pair when two downloads of one order race (two phones, a double tap)", async () => {
    const user = await createUser();
    const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
    const results = await Promise.allSettled([downloadAsPhone(user.id, order.id), downloadAsPhone(user.id, order.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
    const certificates = await db.certificate.findMany({ where: { orderId: order.id } });
    expect(certificates.map((c) => c.usage).sort()).toEqual(["ENCRYPT", "SIGN"]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("COMPLETED");
    // The loser's key shares got no PIN: nothing half-bound is left behind.
    const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<Awaited<ReturnType<typeof downloadAsPhone>>>).value;
    const bound = await db.keyShare.count({ where: { userId: user.id, pinVerifier: { not: null } } });
    expect(bound).toBe(2);
    expect(certificates.map((c) => c.keyShareId).sort()).toEqual([winner.sign.keyShareId, winner.enc.keyShareId].sort());
  });

  it("refuses the holder's birth date and pieces of their ID or phone number as the PIN, at download and at a change", async () => {
    const user = await createUser();
    const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
    const idNumber = (order.draft as { person: { idNumber: string } }).person.idNumber;
    for (const pin of [idNumber.slice(8, 14), idNumber.slice(0, 6), user.phone.slice(5, 11)]) {
      const err = await expectAppError(downloadAsPhone(user.id, order.id, pin), "validation_failed");
      expect(err.fields).toEqual({ pin: ["phone.errors.pinGuessable"] });
    }
    const { stored } = await downloadAsPhone(user.id, order.id);
    const birth = idNumber.slice(8, 14);
    const err = await expectAppError(changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: birth, confirm: birth } }), "validation_failed");
    expect(err.fields).toEqual({ pin: ["phone.errors.pinGuessable"] });
  });

  it("refuses weak or mismatched PINs when they are chosen", async () => {
    const user = await createUser();
    const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
    await expectInvalid(downloadAsPhone(user.id, order.id, "111111"), "pin");
    await expectInvalid(downloadAsPhone(user.id, order.id, "12345"), "pin");
  });

  it("signs only with the right PIN; the signature verifies under the certificate's key", async () => {
    const { user, stored } = await setup();
    const { signature, message } = await phoneSign(user.id, stored.sign, PIN);
    expect(verify(signature, message, stored.sign.publicKey)).toBe(true);
  });

  it("revocation destroys the key's server share at once: the PIN signs nothing, the sealed share is wiped", async () => {
    const { user, stored } = await setup();
    await phoneSign(user.id, stored.sign, PIN);
    const cert = await db.certificate.findFirstOrThrow({ where: { keyShareId: stored.sign.keyShareId } });
    await revokeCertificate({ certificateId: cert.id, reason: "keyCompromise", actorId: user.id });
    await expectAppError(phoneSign(user.id, stored.sign, PIN), "not_found");
    const share = await db.keyShare.findUniqueOrThrow({ where: { id: stored.sign.keyShareId }, omit: { wrappedShare: false, pinVerifier: false } });
    expect(share).toMatchObject({ status: "DESTROYED", wrappedShare: "", pinVerifier: null });
    // The other key of the pair (its certificate not revoked) is untouched.
    expect((await db.keyShare.findUniqueOrThrow({ where: { id: stored.enc.keyShareId } })).status).toBe("ACTIVE");
  });

  it("an expired certificate's share gives no server half, even with the right PIN", async () => {
    const { user, stored } = await setup();
    await db.certificate.updateMany({ where: { keyShareId: stored.sign.keyShareId }, data: { notAfter: new Date(Date.now() - 1000) } });
    await expectAppError(phoneSign(user.id, stored.sign, PIN), "gone", "errors.certificateNotValid");
  });

  it("decrypts with the PIN (W first, then the PIN-checked server half)", async () => {
    const { user, stored } = await setup();
    const secret = new TextEncoder().encode("开标密钥");
    const ciphertext = sm2Encrypt(stored.enc.publicKey, secret);
    const { wrapKey } = await releaseWrapKey({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: PIN } });
    const d1 = await unwrapShare({ wrapped: stored.enc.wrapped, wrapKey, keyShareId: stored.enc.keyShareId });
    const started = startDecrypt({ keyId: stored.enc.keyShareId, d1, ciphertext });
    await expectAppError(decryptWithPin({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: "000001", request: started.request } }), "code_invalid");
    const { response } = await decryptWithPin({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: PIN, request: started.request } });
    expect(new TextDecoder().decode(finishDecrypt({ ...started, response }))).toBe("开标密钥");
  });

  it("a wrong PIN never reaches the server half, and five wrong PINs lock both keys", async () => {
    const { user, stored } = await setup();
    const noncesBefore = await db.usedNonce.count({ where: { keyShareId: stored.sign.keyShareId } });
    for (let i = 1; i <= 4; i++) {
      const err = await expectAppError(phoneSign(user.id, stored.sign, "000000"), "code_invalid", "phone.errors.pinWrong");
      expect(err.params).toEqual({ left: 5 - i });
    }
    // The server half ran for none of them: its nonces were never recorded.
    expect(await db.usedNonce.count({ where: { keyShareId: stored.sign.keyShareId } })).toBe(noncesBefore);
    await expectAppError(phoneSign(user.id, stored.sign, "000000"), "locked");
    await expectAppError(phoneSign(user.id, stored.sign, PIN), "locked");
    const shares = await db.keyShare.findMany({ where: { id: { in: [stored.sign.keyShareId, stored.enc.keyShareId] } } });
    expect(shares.map((s) => s.status)).toEqual(["LOCKED", "LOCKED"]);
    await expectAppError(releaseWrapKey({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: PIN } }), "locked");
  });

  it("a correct PIN resets the count of wrong ones", async () => {
    const { user, stored } = await setup();
    for (let i = 0; i < 4; i++) await expectAppError(phoneSign(user.id, stored.sign, "000000"), "code_invalid");
    await phoneSign(user.id, stored.sign, PIN);
    await expectAppError(phoneSign(user.id, stored.sign, "000000"), "code_invalid");
    expect((await db.keyShare.findUniqueOrThrow({ where: { id: stored.sign.keyShareId } })).status).toBe("ACTIVE");
  });

  it("unlock needs a fresh real-name check: the holder's ID number and an SMS code to the holder's phone", async () => {
    const { user, order, stored } = await setup();
    for (let i = 0; i < 5; i++) await phoneSign(user.id, stored.sign, "000000").catch(() => undefined);
    const holder = (order.draft as { person: { idNumber: string; phone: string } }).person;
    const ip = uniqueIp();
    const sent = await sendReverifyCode({ userId: user.id, keyShareId: stored.sign.keyShareId, ip, locale: "zh-CN" });
    expect(sent.maskedPhone).toBe(`${holder.phone.slice(0, 3)}****${holder.phone.slice(7)}`);
    const code = await latestSmsCode(holder.phone);
    const faceCheckId = await passedFaceCheck(user.id, stored.sign.keyShareId);
    await expectAppError(reverifyKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { code: code === "000000" ? "111111" : "000000", idNumber: holder.idNumber, faceCheckId } }), "code_invalid");
    await expectAppError(reverifyKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { code, idNumber: "11010519491231002X", faceCheckId } }), "validation_failed");
    // A mistyped ID number does not burn the code: corrected, the same code unlocks.
    expect(await reverifyKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { code, idNumber: holder.idNumber.toLowerCase(), faceCheckId } })).toMatchObject({ isPinReset: false });
    // Used: the code does not work a second time (a reset: an unlock of the now active group is refused before).
    await expectAppError(reverifyKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { code, idNumber: holder.idNumber, faceCheckId: await passedFaceCheck(user.id, stored.sign.keyShareId), pin: "463821", confirm: "463821" } }), "code_expired");
    const check = await db.identityCheck.findFirstOrThrow({ where: { userId: user.id, method: "PHONE3" }, orderBy: { createdAt: "desc" } });
    expect(check.status).toBe("PASSED");
    const { signature, message } = await phoneSign(user.id, stored.sign, PIN);
    expect(verify(signature, message, stored.sign.publicKey)).toBe(true);
  });

  it("forgot PIN: re-verification stages the new PIN with a new W; confirmed, the refreshed record signs with it", async () => {
    const { user, order, stored } = await setup();
    const holder = (order.draft as { person: { idNumber: string; phone: string } }).person;
    await sendReverifyCode({ userId: user.id, keyShareId: stored.sign.keyShareId, ip: uniqueIp(), locale: "zh-CN" });
    const code = await latestSmsCode(holder.phone);
    const faceCheckId = await passedFaceCheck(user.id, stored.sign.keyShareId);
    await expectInvalid(reverifyKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { code, idNumber: holder.idNumber, faceCheckId, pin: "463821", confirm: "463820" } }), "confirm");
    const rotation = await reverifyKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { code, idNumber: holder.idNumber, faceCheckId, pin: "463821", confirm: "463821" } });
    const next = await stageOnPhone(rotation, [stored.sign, stored.enc]);
    await endCoolingOff([stored.sign.keyShareId, stored.enc.keyShareId]);
    expect(await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "463821" } })).toMatchObject({ rotated: true });
    await expectAppError(phoneSign(user.id, next[stored.sign.keyShareId]!, PIN), "code_invalid");
    await phoneSign(user.id, next[stored.sign.keyShareId]!, "463821");
    // The encryption key of the pair follows the same PIN and the same new W.
    const { wrapKey } = await releaseWrapKey({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: "463821" } });
    expect(wrapKey).toBe(rotation.nextWrapKey);
  });

  it("change PIN needs the old PIN", async () => {
    const { user, stored } = await setup();
    await expectAppError(changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: "000000", pin: "730915", confirm: "730915" } }), "code_invalid");
    await expectInvalid(changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: PIN, confirm: PIN } }), "pin");
    const rotation = await changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: "730915", confirm: "730915" } });
    const next = await stageOnPhone(rotation, [stored.sign, stored.enc]);
    await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "730915" } });
    await expectAppError(phoneSign(user.id, next[stored.sign.keyShareId]!, PIN), "code_invalid");
    await phoneSign(user.id, next[stored.sign.keyShareId]!, "730915");
  });

  it("the server never stores W or d2 unsealed, and the phone's record alone does not open", async () => {
    const { user, issued, stored } = await setup();
    const shares = await db.keyShare.findMany({
      where: { id: { in: [stored.sign.keyShareId, stored.enc.keyShareId] } },
      select: { id: true, publicKey: true, wrappedShare: true, pinVerifier: true },
    });
    const tables = await db.$queryRaw<Array<{ table_name: string }>>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`;
    let dump = "";
    for (const { table_name } of tables) {
      const rows = await db.$queryRawUnsafe<Array<{ j: string }>>(`SELECT row_to_json(t)::text AS j FROM "${table_name}" t`);
      dump += rows.map((r) => r.j).join("\n");
    }
    const w = issued.wrapKey;
    const wBytes = Buffer.from(w, "base64url");
    for (const needle of [w, wBytes.toString("hex"), wBytes.toString("base64")]) expect(dump).not.toContain(needle);
    for (const s of shares) {
      expect(s.wrappedShare.startsWith("v2.")).toBe(true);
      expect(s.pinVerifier!.startsWith("v2.")).toBe(true);
      const d2 = Buffer.from(openSecret(s.wrappedShare, keyShareAad({ userId: user.id, publicKeyHex: s.publicKey })));
      for (const needle of [d2.toString("hex"), d2.toString("base64"), d2.toString("base64url")]) expect(dump).not.toContain(needle);
    }
    expect(dump).not.toContain("$argon2");
    // The phone's stored record without W (from a PIN check) is just ciphertext.
    const wrongW = Buffer.alloc(32, 7).toString("base64url");
    await expect(unwrapShare({ wrapped: stored.sign.wrapped, wrapKey: wrongW, keyShareId: stored.sign.keyShareId })).rejects.toThrow();
    // And it is bound to its key share: the encryption key's W does not open it under another id.
    await expect(unwrapShare({ wrapped: stored.sign.wrapped, wrapKey: w, keyShareId: stored.enc.keyShareId })).rejects.toThrow();
    expect(bytesToHex(await unwrapShare({ wrapped: stored.sign.wrapped, wrapKey: w, keyShareId: stored.sign.keyShareId }))).toBe(bytesToHex(stored.sign.d1));
    expect(hexToBytes(bytesToHex(stored.sign.d1))).toHaveLength(32);
  });

  it("another user's keys, certificates and orders are NOT_FOUND", async () => {
    const { issued, stored, order } = await setup();
    const other = await createUser();
    await expectAppError(phoneSign(other.id, stored.sign, PIN), "not_found");
    await expectAppError(getPhoneCertificate({ userId: other.id, certificateId: issued.certificates[0]!.id }), "not_found");
    await expectAppError(sendReverifyCode({ userId: other.id, keyShareId: stored.sign.keyShareId, ip: uniqueIp(), locale: "zh-CN" }), "not_found");
    const approved = await createSubmittedOrder({ userId: (await createUser()).id, status: "APPROVED" });
    const { request } = startKeygen();
    await expectAppError(startPhoneKeygen({ userId: other.id, input: { orderId: approved.id, usage: "SIGN", request } }), "not_found");
    expect(order.userId).not.toBe(other.id);
  });
});

describe("W rotation and share refresh on PIN change, reset and unlock (issue 17, hole 5)", () => {
  const NEW = "730915";

  it("after a PIN change and its confirm, a logged W with the old record signs nothing; the refreshed record signs under the certified key", async () => {
    const { user, issued, stored } = await setup();
    const oldW = issued.wrapKey;
    const d2Before = await d2Of(user.id, stored.sign.keyShareId);
    const rotation = await changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: NEW, confirm: NEW } });
    expect(rotation.wrapKey).toBe(oldW);
    expect(rotation.nextWrapKey).not.toBe(oldW);
    expect(rotation.refresh.map((r) => r.keyShareId).sort()).toEqual([stored.sign.keyShareId, stored.enc.keyShareId].sort());
    const next = await stageOnPhone(rotation, [stored.sign, stored.enc]);
    expect(await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: NEW } })).toMatchObject({ rotated: true });

    // (c) the W released now is another one, for both keys of the pair.
    const released = (await releaseWrapKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: NEW } })).wrapKey;
    expect(released).not.toBe(oldW);
    expect(released).toBe(rotation.nextWrapKey);
    expect((await releaseWrapKey({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: NEW } })).wrapKey).toBe(released);
    expect(await d2Of(user.id, stored.sign.keyShareId)).not.toBe(d2Before);

    // (a) one logged W plus a copy of the old blob: d1 opens, but it no longer pairs with the server's share.
    await expect(signWithLoggedW(user.id, stored.sign, oldW, NEW)).rejects.toMatchObject({ code: "invalid_signature" });
    // And the old blob does not open under the new W.
    await expect(unwrapShare({ wrapped: stored.sign.wrapped, wrapKey: released, keyShareId: stored.sign.keyShareId })).rejects.toThrow();

    // (b) the new record and the new PIN sign; the signature verifies under the unchanged certificate's key.
    const { signature, message } = await phoneSign(user.id, next[stored.sign.keyShareId]!, NEW);
    const certKey = readCertificatePublicKey(pemToDer(issued.certificates.find((c) => c.usage === "SIGN")!.pem, "CERTIFICATE"));
    expect(bytesToHex(certKey)).toBe(bytesToHex(stored.sign.publicKey));
    expect(verify(signature, message, certKey)).toBe(true);
    // The encryption key was refreshed too: the new record decrypts, the old d1 does not.
    const ciphertext = sm2Encrypt(stored.enc.publicKey, new TextEncoder().encode("开标密钥"));
    const decryptWith = async (d1: Uint8Array) => {
      const started = startDecrypt({ keyId: stored.enc.keyShareId, d1, ciphertext });
      const { response } = await decryptWithPin({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: NEW, request: started.request } });
      return finishDecrypt({ ...started, response });
    };
    expect(new TextDecoder().decode(await decryptWith(next[stored.enc.keyShareId]!.d1))).toBe("开标密钥");
    await expect(decryptWith(stored.enc.d1)).rejects.toMatchObject({ code: "decrypt_failed" });

    const audits = await db.auditLog.findMany({ where: { action: "key.rotated", targetId: stored.sign.keyShareId } });
    expect(audits).toHaveLength(1);
  });

  it("an unconfirmed change leaves the old PIN, W and d2 working; a new change replaces it", async () => {
    const { user, issued, stored } = await setup();
    const d2Before = await d2Of(user.id, stored.sign.keyShareId);
    const first = await changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: "730915", confirm: "730915" } });
    const firstNext = await stageOnPhone(first, [stored.sign, stored.enc]);
    // Never confirmed: nothing changed for the holder.
    expect(await d2Of(user.id, stored.sign.keyShareId)).toBe(d2Before);
    const { signature, message } = await phoneSign(user.id, stored.sign, PIN);
    expect(verify(signature, message, stored.sign.publicKey)).toBe(true);
    expect((await releaseWrapKey({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: PIN } })).wrapKey).toBe(issued.wrapKey);
    await expectAppError(phoneSign(user.id, stored.sign, "730915"), "code_invalid");
    // A second change (old PIN still current) replaces the first pending one.
    const second = await changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: "508261", confirm: "508261" } });
    expect(second.nextWrapKey).not.toBe(first.nextWrapKey);
    const secondNext = await stageOnPhone(second, [stored.sign, stored.enc]);
    // The first change's PIN confirms nothing now (and counts as a wrong try).
    await expectAppError(confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "730915" } }), "code_invalid");
    expect(await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "508261" } })).toMatchObject({ rotated: true });
    await phoneSign(user.id, secondNext[stored.sign.keyShareId]!, "508261");
    // The first staged record pairs with nothing: its W' was never promoted.
    await expect(phoneSign(user.id, firstNext[stored.sign.keyShareId]!, "508261")).rejects.toThrow();
  });

  it("a confirm with the current (old) PIN leaves the rotation pending and costs no try", async () => {
    const { user, stored } = await setup();
    await changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: NEW, confirm: NEW } });
    expect(await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: PIN } })).toMatchObject({ rotated: false });
    expect((await db.keyShare.findUniqueOrThrow({ where: { id: stored.sign.keyShareId } })).pinFailures).toBe(0);
    await phoneSign(user.id, stored.sign, PIN);
  });

  it("wrong PINs at confirm count towards the group's lock", async () => {
    const { user, stored } = await setup();
    await changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: NEW, confirm: NEW } });
    for (let i = 1; i <= 4; i++) {
      const err = await expectAppError(confirmPinRotation({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: "000000" } }), "code_invalid");
      expect(err.params).toEqual({ left: 5 - i });
    }
    await expectAppError(confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "000000" } }), "locked");
    await expectAppError(confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: NEW } }), "locked");
    const shares = await db.keyShare.findMany({ where: { id: { in: [stored.sign.keyShareId, stored.enc.keyShareId] } } });
    expect(shares.map((s) => s.status)).toEqual(["LOCKED", "LOCKED"]);
  });

  it("a lost confirm answer: the phone keeps both records, the next W opens the new one and it signs with the new PIN", async () => {
    const { user, stored } = await setup();
    const rotation = await changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: NEW, confirm: NEW } });
    const next = await stageOnPhone(rotation, [stored.sign, stored.enc]);
    const record = storedRecord(stored.sign, next[stored.sign.keyShareId]!);
    await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: NEW } }); // the answer never arrives
    // Next use: the phone retries the confirm (nothing pending: no second promotion) ...
    expect(await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: NEW } })).toMatchObject({ rotated: false });
    // ... signs, and of its two records keeps the one the released W opens (the phone's own code).
    const { e, k1, request, message } = pinCheckRequest(stored.sign);
    const { wrapKey, response } = await signWithPin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: NEW, request } });
    const opened = await openWith(record, wrapKey);
    expect(opened.isChanged).toBe(true);
    expect(opened.record.wrapped).toEqual(next[stored.sign.keyShareId]!.wrapped);
    expect(opened.record.next).toBeUndefined();
    const signature = finishSign({ d1: opened.d1, k1, e, publicKey: stored.sign.publicKey, request, response });
    expect(verify(signature, message, stored.sign.publicKey)).toBe(true);
    // Before the promotion the same phone code keeps the old record (the old W opens it).
    const unconfirmed = await setup();
    const r2 = await changePin({ userId: unconfirmed.user.id, keyShareId: unconfirmed.stored.sign.keyShareId, input: { oldPin: PIN, pin: NEW, confirm: NEW } });
    const n2 = await stageOnPhone(r2, [unconfirmed.stored.sign]);
    const kept = await openWith(storedRecord(unconfirmed.stored.sign, n2[unconfirmed.stored.sign.keyShareId]!), r2.wrapKey);
    expect(kept.isChanged).toBe(false);
    expect(bytesToHex(kept.d1)).toBe(bytesToHex(unconfirmed.stored.sign.d1));
  });

  it("a confirm that never reached the server is made at the next use, with the new PIN", async () => {
    const { user, stored } = await setup();
    const rotation = await changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: NEW, confirm: NEW } });
    const next = await stageOnPhone(rotation, [stored.sign]);
    expect(await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: NEW } })).toMatchObject({ rotated: true });
    await phoneSign(user.id, next[stored.sign.keyShareId]!, NEW);
  });

  it("two racing confirms: one promotion, one audit row, and the new record signs", async () => {
    const { user, stored } = await setup();
    const d2Before = await d2Of(user.id, stored.sign.keyShareId);
    const rotation = await changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: NEW, confirm: NEW } });
    const next = await stageOnPhone(rotation, [stored.sign, stored.enc]);
    const results = await Promise.all([
      confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: NEW } }),
      confirmPinRotation({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: NEW } }),
      confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: NEW } }),
    ]);
    expect(results.map((r) => r.rotated).sort()).toEqual([false, false, true]);
    const audits = await db.auditLog.findMany({ where: { action: "key.rotated", targetId: { in: [stored.sign.keyShareId, stored.enc.keyShareId] } } });
    expect(audits).toHaveLength(1);
    expect(await d2Of(user.id, stored.sign.keyShareId)).not.toBe(d2Before);
    await phoneSign(user.id, next[stored.sign.keyShareId]!, NEW);
  });

  it("unlock (PIN unchanged) rotates W and refreshes the shares: the old record with the old W signs nothing after the confirm", async () => {
    const { user, order, issued, stored } = await setup();
    for (let i = 0; i < 5; i++) await phoneSign(user.id, stored.sign, "000000").catch(() => undefined);
    const rotation = await reverifyAsHolder(user.id, order, stored.sign.keyShareId);
    expect(rotation).toMatchObject({ isPinReset: false, wrapKey: issued.wrapKey });
    expect(rotation.nextWrapKey).not.toBe(issued.wrapKey);
    const next = await stageOnPhone(rotation, [stored.sign, stored.enc]);
    // Unlocked at once; until the phone confirms, the old record and W still work.
    await phoneSign(user.id, stored.sign, PIN);
    expect(await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: PIN } })).toMatchObject({ rotated: true });
    expect((await releaseWrapKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: PIN } })).wrapKey).toBe(rotation.nextWrapKey);
    await expect(signWithLoggedW(user.id, stored.sign, issued.wrapKey, PIN)).rejects.toMatchObject({ code: "invalid_signature" });
    const { signature, message } = await phoneSign(user.id, next[stored.sign.keyShareId]!, PIN);
    expect(verify(signature, message, stored.sign.publicKey)).toBe(true);
  });

  it("forgot PIN (new PIN) rotates W and refreshes the shares the same way", async () => {
    const { user, order, issued, stored } = await setup();
    const rotation = await reverifyAsHolder(user.id, order, stored.sign.keyShareId, "463821");
    expect(rotation).toMatchObject({ isPinReset: true, wrapKey: issued.wrapKey });
    const next = await stageOnPhone(rotation, [stored.sign, stored.enc]);
    // Pending: the old PIN still works, the new one not yet.
    await phoneSign(user.id, stored.sign, PIN);
    await endCoolingOff([stored.sign.keyShareId, stored.enc.keyShareId]);
    await confirmPinRotation({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: "463821" } });
    const released = (await releaseWrapKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "463821" } })).wrapKey;
    expect(released).not.toBe(issued.wrapKey);
    await expect(signWithLoggedW(user.id, stored.sign, issued.wrapKey, "463821")).rejects.toMatchObject({ code: "invalid_signature" });
    await expectAppError(phoneSign(user.id, next[stored.sign.keyShareId]!, PIN), "code_invalid");
    const { signature, message } = await phoneSign(user.id, next[stored.sign.keyShareId]!, "463821");
    expect(verify(signature, message, stored.sign.publicKey)).toBe(true);
  });

  it("the pending W' and d2' are stored only sealed", async () => {
    const { user, stored } = await setup();
    const rotation = await changePin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { oldPin: PIN, pin: NEW, confirm: NEW } });
    const rows = await db.$queryRaw<Array<{ j: string }>>`SELECT row_to_json(t)::text AS j FROM "KeyShare" t WHERE "userId" = ${user.id}`;
    const audit = await db.$queryRaw<Array<{ j: string }>>`SELECT row_to_json(t)::text AS j FROM "AuditLog" t WHERE "actorId" = ${user.id}`;
    const dump = [...rows, ...audit].map((r) => r.j).join("\n");
    const w = Buffer.from(rotation.nextWrapKey, "base64url");
    for (const needle of [rotation.nextWrapKey, w.toString("hex"), w.toString("base64")]) expect(dump).not.toContain(needle);
    for (const { rho } of rotation.refresh) expect(dump).not.toContain(rho);
    expect(dump).not.toContain("$argon2");
  });
});

describe("reverify needs the holder's face, not just the SIM and the ID number (issue 17, hole 1)", () => {
  type Holder = { idNumber: string; phone: string; name: string };
  const holderOf = (order: { draft: unknown }) => (order.draft as { person: Holder }).person;
  async function codeFor(userId: string, keyShareId: string, phone: string) {
    await sendReverifyCode({ userId, keyShareId, ip: uniqueIp(), locale: "zh-CN" });
    return latestSmsCode(phone);
  }
  async function lock(userId: string, key: Parameters<typeof phoneSign>[1]) {
    for (let i = 0; i < 5; i++) await phoneSign(userId, key, "000000").catch(() => undefined);
  }

  it("a thief with the SIM and the ID number but no face check cannot reset the PIN or unlock; the code is not spent", async () => {
    const { user, order, stored } = await setup();
    const holder = holderOf(order);
    const keyShareId = stored.sign.keyShareId;
    const code = await codeFor(user.id, keyShareId, holder.phone);
    const reset = { code, idNumber: holder.idNumber, pin: "463821", confirm: "463821" };
    await expectAppError(reverifyKey({ userId: user.id, keyShareId, input: reset }), "validation_failed", "phone.errors.faceRequired");
    // A face check started but never passed (the thief's face is not the holder's) is no better.
    const pending = await startHolderFaceCheck({ userId: user.id, keyShareId });
    await expectAppError(reverifyKey({ userId: user.id, keyShareId, input: { ...reset, faceCheckId: pending.checkId } }), "validation_failed");
    await db.identityCheck.update({ where: { id: pending.checkId }, data: { status: "FAILED", completedAt: new Date() } });
    await expectAppError(reverifyKey({ userId: user.id, keyShareId, input: { ...reset, faceCheckId: pending.checkId } }), "validation_failed");
    await lock(user.id, stored.sign);
    await expectAppError(reverifyKey({ userId: user.id, keyShareId, input: { code, idNumber: holder.idNumber } }), "validation_failed");
    // Nothing staged, still locked; the holder's own face check then unlocks with the same code.
    const share = await db.keyShare.findUniqueOrThrow({ where: { id: keyShareId } });
    expect(share.status).toBe("LOCKED");
    expect(await db.auditLog.count({ where: { targetId: keyShareId, action: { in: ["key.pin_reset", "key.unlocked"] } } })).toBe(0);
    const faceCheckId = await passedFaceCheck(user.id, keyShareId);
    expect(await reverifyKey({ userId: user.id, keyShareId, input: { code, idNumber: holder.idNumber, faceCheckId } })).toMatchObject({ isPinReset: false });
  });

  it("refuses a face check of another person, of another user, older than 10 minutes or already used", async () => {
    const { user, order, stored } = await setup();
    const holder = holderOf(order);
    const keyShareId = stored.sign.keyShareId;
    const code = await codeFor(user.id, keyShareId, holder.phone);
    const input = (faceCheckId: string) => ({ code, idNumber: holder.idNumber, faceCheckId, pin: "463821", confirm: "463821" });
    // Another person's passed face check, started through the desk's identity flow.
    const other = await startIdentityCheck({ userId: user.id, method: "FACE", role: "APPLICANT", subject: { name: "张三", idNumber: "11010519491231002X" } });
    expect(await completeFaceCheck({ token: faceToken(other.checkId) })).toMatchObject({ status: "PASSED" });
    await expectAppError(reverifyKey({ userId: user.id, keyShareId, input: input(other.checkId) }), "validation_failed");
    // The holder's name and ID number, but through the desk's flow (not bound to this key): refused too.
    const generic = await startIdentityCheck({ userId: user.id, method: "FACE", role: "APPLICANT", subject: { name: holder.name, idNumber: holder.idNumber } });
    expect(await completeFaceCheck({ token: faceToken(generic.checkId) })).toMatchObject({ status: "PASSED" });
    await expectAppError(reverifyKey({ userId: user.id, keyShareId, input: input(generic.checkId) }), "validation_failed");
    // Another user's passed holder check (their own certificate).
    const b = await setup();
    const bCheck = await passedFaceCheck(b.user.id, b.stored.sign.keyShareId);
    await expectAppError(reverifyKey({ userId: user.id, keyShareId, input: input(bCheck) }), "validation_failed");
    // Older than 10 minutes.
    const stale = await passedFaceCheck(user.id, keyShareId);
    await db.identityCheck.update({ where: { id: stale }, data: { completedAt: new Date(Date.now() - 11 * 60_000) } });
    await expectAppError(reverifyKey({ userId: user.id, keyShareId, input: input(stale) }), "validation_failed", "phone.errors.faceStale");
    // Fresh: works once; a second reverify with the same check is refused.
    const fresh = await passedFaceCheck(user.id, keyShareId);
    expect(await reverifyKey({ userId: user.id, keyShareId, input: input(fresh) })).toMatchObject({ isPinReset: true });
    await expectAppError(reverifyKey({ userId: user.id, keyShareId, input: input(fresh) }), "validation_failed", "phone.errors.faceUsed");
  });

  it("a face check is used once, under concurrency: of 10 parallel claims one wins", async () => {
    const { user, order, stored } = await setup();
    const holder = holderOf(order);
    const shareIds = [stored.sign.keyShareId, stored.enc.keyShareId];
    const faceCheckId = await passedFaceCheck(user.id, stored.sign.keyShareId);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => db.$transaction((tx) => claimReverifyFaceCheck(tx, { faceCheckId, userId: user.id, shareIds, idNumber: holder.idNumber, record: true }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const subject = (await db.identityCheck.findUniqueOrThrow({ where: { id: faceCheckId } })).subject as Record<string, string>;
    expect(subject.reverifyUsedAt).toBeTruthy();
  });

  it("unlock (no new PIN) is refused on an active group; forgot PIN on an active group is allowed", async () => {
    const { user, order, stored } = await setup();
    const holder = holderOf(order);
    const keyShareId = stored.sign.keyShareId;
    const code = await codeFor(user.id, keyShareId, holder.phone);
    const faceCheckId = await passedFaceCheck(user.id, keyShareId);
    await expectAppError(reverifyKey({ userId: user.id, keyShareId, input: { code, idNumber: holder.idNumber, faceCheckId } }), "conflict", "phone.errors.notLocked");
    expect(await reverifyKey({ userId: user.id, keyShareId, input: { code, idNumber: holder.idNumber, faceCheckId, pin: "463821", confirm: "463821" } })).toMatchObject({ isPinReset: true });
  });
});

describe("a PIN reset waits out a cooling-off, with notice and a cancel link (issue 17, hole 1)", () => {
  async function cancelTokenFromInbox(userId: string) {
    const msg = await db.inboxMessage.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } });
    return msg.link!.split("/").pop()!;
  }

  it("the new PIN is refused until the cooling-off ends, the old PIN works meanwhile; notices go out at once", async () => {
    const { user, order, stored } = await setup();
    await db.user.update({ where: { id: user.id }, data: { email: `holder-${user.id}@example.com` } });
    const holder = (order.draft as { person: { phone: string } }).person;
    const before = Date.now();
    const rotation = await reverifyAsHolder(user.id, order, stored.sign.keyShareId, "463821");
    expect(rotation).toMatchObject({ isPinReset: true });
    expect(Date.parse((rotation as { resetAt?: string }).resetAt!) - before).toBeGreaterThanOrEqual(PIN_RESET_COOLING_OFF_MS - 1000);
    const next = await stageOnPhone(rotation, [stored.sign, stored.enc]);
    const refused = await expectAppError(confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "463821" } }), "conflict", "phone.errors.resetCoolingOff");
    expect(String(refused.params?.at)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // Not a wrong try: no failures counted; the old PIN still signs with the old record.
    expect((await db.keyShare.findUniqueOrThrow({ where: { id: stored.sign.keyShareId } })).pinFailures).toBe(0);
    await phoneSign(user.id, stored.sign, PIN);
    await expectAppError(phoneSign(user.id, next[stored.sign.keyShareId]!, "463821"), "code_invalid");
    // Notices: inbox with the cancel link, SMS to the holder, e-mail to the account.
    const inbox = await db.inboxMessage.findFirstOrThrow({ where: { userId: user.id, link: { startsWith: "/m/pin-reset/cancel/" } } });
    expect(inbox.body).toContain("/m/pin-reset/cancel/");
    await runDueJobs();
    const sms = await db.outboxMessage.findFirst({ where: { to: holder.phone, channel: "SMS", body: { contains: "/m/pin-reset/cancel/" } } });
    expect(sms).not.toBeNull();
    const mail = await db.outboxMessage.findFirst({ where: { to: `holder-${user.id}@example.com`, channel: "EMAIL" } });
    expect(mail?.body).toContain("/m/pin-reset/cancel/");
    // After the cooling-off the new PIN confirms and signs; the old one no longer does.
    await endCoolingOff([stored.sign.keyShareId, stored.enc.keyShareId]);
    expect(await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "463821" } })).toMatchObject({ rotated: true });
    await phoneSign(user.id, next[stored.sign.keyShareId]!, "463821");
    await expectAppError(phoneSign(user.id, next[stored.sign.keyShareId]!, PIN), "code_invalid");
    // Confirmed: the cancel link is spent.
    await expectAppError(cancelPinReset({ token: await cancelTokenFromInbox(user.id) }), "gone");
  });

  it("the cancel link cancels the pending reset once, under concurrency (10 parallel cancels → one)", async () => {
    const { user, order, stored } = await setup();
    const rotation = await reverifyAsHolder(user.id, order, stored.sign.keyShareId, "463821");
    const next = await stageOnPhone(rotation, [stored.sign, stored.enc]);
    const token = await cancelTokenFromInbox(user.id);
    await expectAppError(cancelPinReset({ token: token.slice(0, -1) + (token.endsWith("0") ? "1" : "0") }), "gone");
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => cancelPinReset({ token })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "key.pin_reset_cancelled", targetId: { in: [stored.sign.keyShareId, stored.enc.keyShareId] } } })).toBe(1);
    // Cancelled: even after the cooling-off the new PIN never works; the old PIN and record still sign.
    for (const id of [stored.sign.keyShareId, stored.enc.keyShareId]) {
      expect(openPinSecret(id, await sealedPinOf(id)).pending).toBeUndefined();
    }
    await expectAppError(confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "463821" } }), "code_invalid");
    await phoneSign(user.id, stored.sign, PIN);
    void next;
  });

  it("an unlock that keeps the PIN has no cooling-off and sends no reset notice", async () => {
    const { user, order, stored } = await setup();
    for (let i = 0; i < 5; i++) await phoneSign(user.id, stored.sign, "000000").catch(() => undefined);
    const rotation = await reverifyAsHolder(user.id, order, stored.sign.keyShareId);
    expect(rotation).not.toHaveProperty("resetAt");
    await stageOnPhone(rotation, [stored.sign, stored.enc]);
    expect(await confirmPinRotation({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: PIN } })).toMatchObject({ rotated: true });
    expect(await db.inboxMessage.count({ where: { userId: user.id, link: { startsWith: "/m/pin-reset/cancel/" } } })).toBe(0);
  });
});
