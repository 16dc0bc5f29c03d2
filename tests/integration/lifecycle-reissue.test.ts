// 证书补办 / 找回 after a lost phone (issue 13): the holder's check on the new phone, the CA's review
// releasing the encryption key's escrow, the new phone getting the same encryption key and a new
// signing key, the old signing certificate revoked and the lost phone's shares dead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { openRecoveredShare } from "@/lib/pki/escrow";
import { generateKeyPair, verify } from "@/lib/pki/sm2";
import { sm2Digest } from "@/lib/pki/sm2-digest";
import { encrypt as sm2Encrypt } from "@/lib/pki/sm2-encrypt";
import { finishDecrypt, finishKeygen, finishSign, startDecrypt, startKeygen, startSign } from "@/lib/pki/two-party";
import { refreshPhoneShare } from "@/lib/pki/two-party/refresh-share";
import { pinCheckMessage } from "@/lib/phone/signed-messages";
import { unwrapShare, wrapShare } from "@/lib/phone/wrap-share";
import { db } from "@/lib/db/client";
import { maskIdNumber } from "@/lib/validators/mask";
import { createKmk } from "@/lib/server/escrow/create-kmk";
import { decideKeyRecovery } from "@/lib/server/escrow/decide-key-recovery";
import { deliverKeyRecoveries } from "@/lib/server/escrow/deliver-key-recoveries";
import { getKeyRecovery } from "@/lib/server/escrow/get-key-recovery";
import { installRecoveredShare } from "@/lib/server/escrow/install-recovered-share";
import { openKmk } from "@/lib/server/escrow/open-kmk";
import { confirmPinRotation } from "@/lib/server/keys/confirm-pin-rotation";
import { decryptWithPin } from "@/lib/server/keys/decrypt-with-pin";
import { releaseWrapKey } from "@/lib/server/keys/release-wrap-key";
import { signWithPin } from "@/lib/server/keys/sign-with-pin";
import { startPhoneKeygen } from "@/lib/server/keys/start-phone-keygen";
import { reissueFinishOrder } from "@/lib/server/orders/reissue-finish-order";
import { reissueStartOrder } from "@/lib/server/orders/reissue-start-order";
import { approveOrder } from "@/lib/server/reviews/approve-order";
import { rejectOrder } from "@/lib/server/reviews/reject-order";
import { expectAppError } from "../support/expect-app-error";
import { createUser } from "../support/factories";
import { downloadAsPhone } from "../support/phone-download";
import { createSubmittedOrder, uniqueIdNumber } from "../support/review-fixtures";

const PIN = "285714";
const NEW_PIN = "730915";
const PASSPHRASES = ["custodian one: 春眠不觉晓", "custodian two: 处处闻啼鸟"];
const kmc = createKmk({ threshold: 2, passphrases: PASSPHRASES });
const kmk = () => openKmk({ files: kmc.files, passphrases: PASSPHRASES });
const saved = process.env.CERTDESK_KMK_PUBLIC_KEY;
beforeAll(() => {
  process.env.CERTDESK_KMK_PUBLIC_KEY = kmc.publicKey;
  resetEnvCache();
});
afterAll(() => {
  if (saved) process.env.CERTDESK_KMK_PUBLIC_KEY = saved;
  else delete process.env.CERTDESK_KMK_PUBLIC_KEY;
  resetEnvCache();
});

type Key = { keyShareId: string; publicKey: Uint8Array; wrapped: { iv: string; ct: string } };

async function holder() {
  const user = await createUser();
  const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
  const phone = await downloadAsPhone(user.id, order.id, PIN);
  const person = (order.draft as { person: { name: string; idNumber: string } }).person;
  const certs = await db.certificate.findMany({ where: { orderId: order.id }, select: { id: true, usage: true, serialHex: true, notAfter: true } });
  return { ...phone, user, order, person, signCert: certs.find((c) => c.usage === "SIGN")!, encCert: certs.find((c) => c.usage === "ENCRYPT")! };
}

async function phoneDecrypt(userId: string, key: Key, pin: string, ciphertext: Uint8Array) {
  const { wrapKey } = await releaseWrapKey({ userId, keyShareId: key.keyShareId, input: { pin } });
  const d1 = await unwrapShare({ wrapped: key.wrapped, wrapKey, keyShareId: key.keyShareId });
  const started = startDecrypt({ keyId: key.keyShareId, d1, ciphertext });
  const { response } = await decryptWithPin({ userId, keyShareId: key.keyShareId, input: { pin, request: started.request } });
  return finishDecrypt({ ...started, response });
}

async function phoneSign(userId: string, key: Key, pin: string) {
  const started = startSign({ keyId: key.keyShareId, message: new Uint8Array(0), publicKey: key.publicKey });
  const message = pinCheckMessage({ keyShareId: key.keyShareId, nonce: started.request.nonce });
  const e = sm2Digest(message, key.publicKey);
  const request = { ...started.request, e: bytesToHex(e) };
  const { wrapKey, response } = await signWithPin({ userId, keyShareId: key.keyShareId, input: { pin, request } });
  const d1 = await unwrapShare({ wrapped: key.wrapped, wrapKey, keyShareId: key.keyShareId });
  return { signature: finishSign({ d1, k1: started.k1, e, publicKey: key.publicKey, request, response }), message };
}

const transportKey = () => generateKeyPair();

describe("证书补办 on PostgreSQL", () => {
  it("identity check → review (one outcome of 20) → escrow released → new phone: same encryption key, new signing key; the lost phone is dead", async () => {
    const h = await holder();
    const bid = utf8ToBytes("投标文件解密口令：开标前加密");
    const encryptedBeforeLoss = sm2Encrypt(hexToBytes(bytesToHex(h.stored.enc.publicKey)), bid);

    // The new phone: a mismatched holder is refused and audited; nothing is opened.
    const transport = transportKey();
    const base = { certificateId: h.signCert.id, transportPublicKey: bytesToHex(transport.publicKey) };
    await expectAppError(reissueStartOrder({ userId: h.user.id, input: { ...base, name: h.person.name, idNumber: uniqueIdNumber() } }), "forbidden", "lifecycleReissue.errors.notHolder");
    expect(await db.auditLog.count({ where: { actorId: h.user.id, action: "reissue.identity_refused" } })).toBe(1);
    expect(await db.order.count({ where: { userId: h.user.id, kind: "REISSUE" } })).toBe(0);
    // Someone else cannot reissue the holder's certificate even with the holder's data.
    const stranger = await createUser();
    await expectAppError(reissueStartOrder({ userId: stranger.id, input: { ...base, name: h.person.name, idNumber: h.person.idNumber } }), "not_found");

    const started = await reissueStartOrder({ userId: h.user.id, input: { ...base, name: h.person.name, idNumber: h.person.idNumber } });
    const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
    expect(order).toMatchObject({ kind: "REISSUE", status: "IN_REVIEW", priceFen: 0 });
    expect(await db.keyRecovery.findUniqueOrThrow({ where: { id: started.recoveryId } })).toMatchObject({ status: "REQUESTED", keyShareId: h.stored.enc.keyShareId });

    // Escrow released only after approval: the centre finds nothing; the 密钥恢复 page may not decide it.
    expect((await deliverKeyRecoveries({ kmk: kmk(), userId: h.user.id })).filter((o) => o.outcome === "delivered")).toEqual([]);
    const reviewers = await Promise.all(Array.from({ length: 20 }, () => createUser({ role: "CA_REVIEWER" })));
    await expectAppError(decideKeyRecovery({ operator: reviewers[0]!, recoveryId: started.recoveryId, input: { decision: "approve" } }), "conflict", "lifecycleReissue.errors.decideInReview");
    // Nor can the holder finish before the review.
    await expectAppError(reissueFinishOrder({ userId: h.user.id, orderId: started.orderId, input: { signKeyShareId: "x", pin: NEW_PIN } }), "conflict");

    // 20 reviewers approve at once: one approval, the recovery approved once.
    const approvals = await Promise.allSettled(reviewers.map((r) => approveOrder({ user: r, input: { orderId: started.orderId } })));
    expect(approvals.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).status).toBe("APPROVED");
    expect(await db.auditLog.count({ where: { targetId: started.recoveryId, action: "key.recovery_approved" } })).toBe(1);

    // The key-management centre delivers; the new phone installs the encryption key under its PIN.
    expect((await deliverKeyRecoveries({ kmk: kmk(), userId: h.user.id })).map((o) => o.outcome)).toEqual(["delivered"]);
    // The signing certificate is not reissued before the encryption key is installed.
    const early = startKeygen();
    const earlyShare = await startPhoneKeygen({ userId: h.user.id, input: { orderId: started.orderId, usage: "SIGN", request: early.request } });
    await expectAppError(reissueFinishOrder({ userId: h.user.id, orderId: started.orderId, input: { signKeyShareId: earlyShare.keyShareId, pin: NEW_PIN } }), "conflict", "lifecycleReissue.errors.recoverFirst");
    const view = await getKeyRecovery({ userId: h.user.id, recoveryId: started.recoveryId });
    const d1 = openRecoveredShare(view.delivery!, { recoveryId: started.recoveryId, keyShareId: h.stored.enc.keyShareId, publicKey: view.publicKey, transportPrivateKey: transport.privateKey });
    const rotation = await installRecoveredShare({ userId: h.user.id, recoveryId: started.recoveryId, input: { pin: NEW_PIN, confirm: NEW_PIN } });
    const rho = rotation.refresh.find((r) => r.keyShareId === h.stored.enc.keyShareId)!.rho;
    const newEnc: Key = { keyShareId: h.stored.enc.keyShareId, publicKey: h.stored.enc.publicKey, wrapped: await wrapShare({ d1: refreshPhoneShare(d1, rho), wrapKey: rotation.nextWrapKey, keyShareId: h.stored.enc.keyShareId }) };
    await confirmPinRotation({ userId: h.user.id, keyShareId: h.stored.enc.keyShareId, input: { pin: NEW_PIN } });

    // A new signing key on the new phone; 20 racing finishes issue one certificate.
    const { d1: signD1, request } = startKeygen();
    const res = await startPhoneKeygen({ userId: h.user.id, input: { orderId: started.orderId, usage: "SIGN", request } });
    const signPublic = finishKeygen({ d1: signD1, request, response: res.response });
    const finishes = await Promise.allSettled(
      Array.from({ length: 20 }, () => reissueFinishOrder({ userId: h.user.id, orderId: started.orderId, input: { signKeyShareId: res.keyShareId, pin: NEW_PIN } })),
    );
    const won = finishes.filter((f) => f.status === "fulfilled") as Array<PromiseFulfilledResult<Awaited<ReturnType<typeof reissueFinishOrder>>>>;
    expect(won).toHaveLength(1);
    const issued = won[0]!.value;
    expect(await db.certificate.count({ where: { keyShareId: res.keyShareId } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).status).toBe("COMPLETED");

    // Certificates: the old signing one revoked as superseded (4), the new one in the original pair
    // ending with it, the encryption certificate unchanged and valid.
    expect(await db.certificate.findUniqueOrThrow({ where: { id: h.signCert.id } })).toMatchObject({ status: "REVOKED", revocationReason: 4 });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: issued.certificate.id } })).toMatchObject({ status: "VALID", usage: "SIGN", orderId: h.order.id, notAfter: h.signCert.notAfter });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: h.encCert.id } })).toMatchObject({ status: "VALID", serialHex: h.encCert.serialHex });

    // The new phone decrypts the bid encrypted before the loss, and signs with the new key.
    expect(await phoneDecrypt(h.user.id, newEnc, NEW_PIN, encryptedBeforeLoss)).toEqual(bid);
    const newSign: Key = { keyShareId: res.keyShareId, publicKey: signPublic, wrapped: await wrapShare({ d1: signD1, wrapKey: issued.wrapKey, keyShareId: res.keyShareId }) };
    const signed = await phoneSign(h.user.id, newSign, NEW_PIN);
    expect(verify(signed.signature, signed.message, signPublic)).toBe(true);

    // The lost phone: its signing share refuses to sign (destroyed), its encryption record opens nothing.
    await expectAppError(phoneSign(h.user.id, h.stored.sign, PIN), "not_found");
    expect((await db.keyShare.findUniqueOrThrow({ where: { id: h.stored.sign.keyShareId } })).status).toBe("DESTROYED");
    await expect(phoneDecrypt(h.user.id, h.stored.enc, PIN, encryptedBeforeLoss)).rejects.toThrow();

    const actions = (await db.auditLog.findMany({ where: { targetId: started.orderId }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["order.created", "order.submitted", "reissue.requested", "review.approve", "order.approved", "order.downloaded", "reissue.completed"]));
  });

  it("the account's first verified identity decides; a rejection closes the recovery and releases nothing", async () => {
    const h = await holder();
    const base = { certificateId: h.encCert.id, name: h.person.name, idNumber: h.person.idNumber, transportPublicKey: bytesToHex(transportKey().publicKey) };
    // The account was verified as someone else first: the holder's data does not match it.
    const other = uniqueIdNumber();
    await db.user.update({ where: { id: h.user.id }, data: { realName: "王五", idNumberMasked: maskIdNumber(other), realNameVerifiedAt: new Date() } });
    await expectAppError(reissueStartOrder({ userId: h.user.id, input: base }), "forbidden", "lifecycleReissue.errors.notAccountIdentity");
    await db.user.update({ where: { id: h.user.id }, data: { realName: h.person.name, idNumberMasked: maskIdNumber(h.person.idNumber) } });
    const started = await reissueStartOrder({ userId: h.user.id, input: base });
    // One open reissue per subject and one open recovery per share.
    await expectAppError(reissueStartOrder({ userId: h.user.id, input: base }), "conflict");

    const reviewer = await createUser({ role: "CA_REVIEWER" });
    await rejectOrder({ user: reviewer, input: { orderId: started.orderId, reason: "身份证明材料不清晰" } });
    expect(await db.keyRecovery.findUniqueOrThrow({ where: { id: started.recoveryId } })).toMatchObject({ status: "REJECTED", reason: "身份证明材料不清晰" });
    expect((await deliverKeyRecoveries({ kmk: kmk(), userId: h.user.id })).filter((o) => o.outcome === "delivered")).toEqual([]);
    // The lost phone keeps working until a reissue completes (the holder may still find it).
    expect(await phoneDecrypt(h.user.id, h.stored.enc, PIN, sm2Encrypt(hexToBytes(bytesToHex(h.stored.enc.publicKey)), utf8ToBytes("x")))).toEqual(utf8ToBytes("x"));
  });

  it("20 parallel attempts with a wrong ID number: 5 are checked and refused, 15 rate-limited", async () => {
    const h = await holder();
    const input = { certificateId: h.signCert.id, name: h.person.name, idNumber: uniqueIdNumber(), transportPublicKey: bytesToHex(transportKey().publicKey) };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => reissueStartOrder({ userId: h.user.id, input })));
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"));
    expect(codes.sort()).toEqual([...Array(5).fill("forbidden"), ...Array(15).fill("rate_limited")]);
    expect(await db.auditLog.count({ where: { actorId: h.user.id, action: "reissue.identity_refused" } })).toBe(5);
  });
});
