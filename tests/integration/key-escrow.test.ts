// Encryption-key escrow and recovery onto a new phone (issue 17): what the desk stores at download,
// what it refuses, and the recovery under dual control (a CA operator's approval and M of N
// key-management custodians), after which the lost phone's copy decrypts nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { applyEscrowFactor, escrowShare, kmkIdOf, openEscrow, openRecoveredShare } from "@/lib/pki/escrow";
import { generateKeyPair } from "@/lib/pki/sm2";
import { encrypt as sm2Encrypt } from "@/lib/pki/sm2-encrypt";
import { finishDecrypt, finishKeygen, startDecrypt, startKeygen } from "@/lib/pki/two-party";
import { refreshPhoneShare } from "@/lib/pki/two-party/refresh-share";
import { unwrapShare, wrapShare } from "@/lib/phone/wrap-share";
import { revokeCertificate } from "@/lib/server/certs/revoke-certificate";
import { db } from "@/lib/db/client";
import { createKmk } from "@/lib/server/escrow/create-kmk";
import { decideKeyRecovery } from "@/lib/server/escrow/decide-key-recovery";
import { deliverKeyRecoveries } from "@/lib/server/escrow/deliver-key-recoveries";
import { demoKmkPrivateKey, escrowKey } from "@/lib/server/escrow/escrow-key";
import { openEscrowSecret } from "@/lib/server/escrow/escrow-secret";
import { getKeyRecovery } from "@/lib/server/escrow/get-key-recovery";
import { installRecoveredShare } from "@/lib/server/escrow/install-recovered-share";
import { openKmk } from "@/lib/server/escrow/open-kmk";
import { requestKeyRecovery } from "@/lib/server/escrow/request-key-recovery";
import { changePin } from "@/lib/server/keys/change-pin";
import { confirmPinRotation } from "@/lib/server/keys/confirm-pin-rotation";
import { decryptWithPin } from "@/lib/server/keys/decrypt-with-pin";
import { finishPhoneDownload } from "@/lib/server/certs/finish-phone-download";
import { releaseWrapKey } from "@/lib/server/keys/release-wrap-key";
import { startPhoneKeygen } from "@/lib/server/keys/start-phone-keygen";
import { expectAppError } from "../support/expect-app-error";
import { expectInvalid } from "../support/expect-invalid";
import { createUser } from "../support/factories";
import { downloadAsPhone } from "../support/phone-download";
import { createSubmittedOrder } from "../support/review-fixtures";

const PIN = "285714";
const NEW_PHONE_PIN = "730915";
const PASSPHRASES = ["custodian one: 春眠不觉晓", "custodian two: 处处闻啼鸟", "custodian three: 夜来风雨声"];

// A configured key-management key, 2 of 3 custodians, as `npm run kmc -- init` makes it.
const kmc = createKmk({ threshold: 2, passphrases: PASSPHRASES });
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

async function holder() {
  const user = await createUser();
  const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
  const phone = await downloadAsPhone(user.id, order.id, PIN);
  return { user, order, ...phone };
}

/** Decrypts a message for the encryption key as the phone does: W (PIN) → d1 → T1 → PIN-checked server half. */
async function phoneDecrypt(userId: string, key: { keyShareId: string; wrapped: { iv: string; ct: string } }, pin: string, ciphertext: Uint8Array, wrapKey?: string) {
  const w = wrapKey ?? (await releaseWrapKey({ userId, keyShareId: key.keyShareId, input: { pin } })).wrapKey;
  const d1 = await unwrapShare({ wrapped: key.wrapped, wrapKey: w, keyShareId: key.keyShareId });
  const started = startDecrypt({ keyId: key.keyShareId, d1, ciphertext });
  const { response } = await decryptWithPin({ userId, keyShareId: key.keyShareId, input: { pin, request: started.request } });
  return finishDecrypt({ ...started, response });
}

/** Change the PIN from the phone (rotation staged and confirmed), returning the refreshed records. */
async function changePinOnPhone(userId: string, records: { sign: { keyShareId: string; wrapped: { iv: string; ct: string } }; enc: { keyShareId: string; wrapped: { iv: string; ct: string } } }, oldPin: string, pin: string) {
  const rotation = await changePin({ userId, keyShareId: records.sign.keyShareId, input: { oldPin, pin, confirm: pin } });
  const out: Record<string, { iv: string; ct: string }> = {};
  for (const { keyShareId, rho } of rotation.refresh) {
    const rec = [records.sign, records.enc].find((r) => r.keyShareId === keyShareId)!;
    const d1 = refreshPhoneShare(await unwrapShare({ wrapped: rec.wrapped, wrapKey: rotation.wrapKey, keyShareId }), rho);
    out[keyShareId] = await wrapShare({ d1, wrapKey: rotation.nextWrapKey, keyShareId });
  }
  await confirmPinRotation({ userId, keyShareId: records.sign.keyShareId, input: { pin } });
  return { sign: { ...records.sign, wrapped: out[records.sign.keyShareId]! }, enc: { ...records.enc, wrapped: out[records.enc.keyShareId]! } };
}

describe("escrow at download", () => {
  it("the encryption share is escrowed to the configured KMK, sealed; the signing share never is", async () => {
    const { stored, escrow } = await holder();
    expect(escrowKey().id).toBe(kmc.id);
    expect(await db.keyEscrow.count({ where: { keyShareId: stored.sign.keyShareId } })).toBe(0);
    const row = await db.keyEscrow.findUniqueOrThrow({ where: { keyShareId: stored.enc.keyShareId } });
    expect(row.kmkId).toBe(kmc.id);
    // Sealed under the KEK: neither the envelope's ciphertext nor d1 appears in the row.
    expect(row.sealed).not.toContain(escrow.ciphertext.slice(2, 40));
    expect(row.sealed).not.toContain(bytesToHex(stored.enc.d1));
    const secret = openEscrowSecret(stored.enc.keyShareId, row.sealed);
    expect(secret.envelope).toEqual(escrow);
    // The centre (2 of 3 custodians) opens it to exactly the phone's share.
    const kmk = openKmk({ files: [kmc.files[0], kmc.files[2]], passphrases: [PASSPHRASES[0]!, PASSPHRASES[2]!] });
    expect(bytesToHex(openEscrow(secret.envelope, kmk.privateKey))).toBe(bytesToHex(stored.enc.d1));
  });

  it("a download with a bad escrow envelope issues nothing and loses nothing: the right one then works", async () => {
    const user = await createUser();
    const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
    const keys = [];
    for (const usage of ["SIGN", "ENCRYPT"] as const) {
      const { d1, request } = startKeygen();
      const res = await startPhoneKeygen({ userId: user.id, input: { orderId: order.id, usage, request } });
      keys.push({ d1, keyShareId: res.keyShareId, publicKey: bytesToHex(finishKeygen({ d1, request, response: res.response })), escrowKey: "escrowKey" in res ? res.escrowKey : undefined });
    }
    const [sign, enc] = keys as [(typeof keys)[0], (typeof keys)[0]];
    expect(sign.escrowKey).toBeUndefined();
    expect(enc.escrowKey).toEqual({ id: kmc.id, publicKey: kmc.publicKey });
    const names = { orderId: order.id, signKeyShareId: sign.keyShareId, encryptKeyShareId: enc.keyShareId, publicKey: enc.publicKey };
    const good = escrowShare({ d1: enc.d1, kmk: enc.escrowKey!, ...names });
    const otherKmk = generateKeyPair();
    const input = (escrow: unknown) => ({ orderId: order.id, signKeyShareId: sign.keyShareId, encryptKeyShareId: enc.keyShareId, pin: PIN, escrow });
    await expectInvalid(finishPhoneDownload({ userId: user.id, input: input(undefined) }), "escrow");
    const bad: Array<[string, unknown]> = [
      ["another order", escrowShare({ d1: enc.d1, kmk: enc.escrowKey!, ...names, orderId: "someone-elses-order" })],
      ["the signing share escrowed instead", escrowShare({ d1: sign.d1, kmk: enc.escrowKey!, ...names })],
      ["another KMK (one the server holds, say)", escrowShare({ d1: enc.d1, kmk: { id: kmkIdOf(otherKmk.publicKey), publicKey: bytesToHex(otherKmk.publicKey) }, ...names })],
      ["shares swapped", { ...good, signKeyShareId: enc.keyShareId, encryptKeyShareId: sign.keyShareId }],
    ];
    for (const [what, escrow] of bad) {
      const err = await expectAppError(finishPhoneDownload({ userId: user.id, input: input(escrow) }), "validation_failed");
      expect(err.fields?.escrow, what).toEqual(["phone.errors.escrowInvalid"]);
    }
    expect(await db.certificate.count({ where: { orderId: order.id } })).toBe(0);
    expect(await db.keyEscrow.count({ where: { keyShareId: enc.keyShareId } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("APPROVED");
    const ok = await finishPhoneDownload({ userId: user.id, input: { orderId: order.id, signKeyShareId: sign.keyShareId, encryptKeyShareId: enc.keyShareId, pin: PIN, escrow: good } });
    expect(ok.certificates).toHaveLength(2);
    expect(await db.keyEscrow.count({ where: { keyShareId: enc.keyShareId } })).toBe(1);
  });

  it("a share refresh (PIN change) moves the escrow factor: escrow + R is still the phone's current share", async () => {
    const { user, stored } = await holder();
    const after = await changePinOnPhone(user.id, stored, PIN, "508261");
    const secret = openEscrowSecret(stored.enc.keyShareId, (await db.keyEscrow.findUniqueOrThrow({ where: { keyShareId: stored.enc.keyShareId } })).sealed);
    expect(secret.factor).not.toBe("0".repeat(63) + "1");
    const released = (await releaseWrapKey({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: "508261" } })).wrapKey;
    const current = await unwrapShare({ wrapped: after.enc.wrapped, wrapKey: released, keyShareId: stored.enc.keyShareId });
    const kmk = openKmk({ files: kmc.files.slice(0, 2), passphrases: PASSPHRASES.slice(0, 2) });
    expect(bytesToHex(applyEscrowFactor(openEscrow(secret.envelope, kmk.privateKey), secret.factor))).toBe(bytesToHex(current));
  });
});

describe("recovery of the encryption key onto a new phone", () => {
  it("request → approval → 2 of 3 custodians deliver → the new phone installs it; the lost phone's copy is dead", async () => {
    const { user, stored, issued } = await holder();
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const secret = utf8ToBytes("开标：投标文件解密口令");
    const forKey = () => sm2Encrypt(hexToBytes(bytesToHex(stored.enc.publicKey)), secret);
    // The old phone decrypts today.
    expect(await phoneDecrypt(user.id, stored.enc, PIN, forKey())).toEqual(secret);
    const loggedW = issued.wrapKey;

    // The new phone: a one-time transport key; 5 parallel requests make one recovery.
    const transport = generateKeyPair();
    const input = { transportPublicKey: bytesToHex(transport.publicKey) };
    const attempts = await Promise.allSettled(Array.from({ length: 5 }, () => requestKeyRecovery({ userId: user.id, keyShareId: stored.enc.keyShareId, input })));
    const made = attempts.filter((a) => a.status === "fulfilled");
    expect(made).toHaveLength(1);
    expect(await db.keyRecovery.count({ where: { keyShareId: stored.enc.keyShareId } })).toBe(1);
    const recoveryId = (made[0] as PromiseFulfilledResult<{ id: string }>).value.id;

    // Nothing to deliver before approval; nobody approves their own request.
    expect(await deliverKeyRecoveries({ kmk: openKmk({ files: kmc.files.slice(1), passphrases: PASSPHRASES.slice(1) }) })).toEqual([]);
    const selfReviewer = { id: user.id, role: "CA_REVIEWER" as const };
    await expectAppError(decideKeyRecovery({ operator: selfReviewer, recoveryId, input: { decision: "approve" } }), "forbidden", "phone.errors.ownRecovery");
    await expectAppError(decideKeyRecovery({ operator: { id: user.id, role: "APPLICANT" }, recoveryId, input: { decision: "approve" } }), "forbidden");
    expect(await decideKeyRecovery({ operator: reviewer, recoveryId, input: { decision: "approve" } })).toEqual({ id: recoveryId, status: "APPROVED" });
    await expectAppError(installRecoveredShare({ userId: user.id, recoveryId, input: { pin: NEW_PHONE_PIN, confirm: NEW_PHONE_PIN } }), "conflict");

    // One custodian is not enough; two are, and two centres running at once deliver it once.
    expect(() => openKmk({ files: [kmc.files[1]], passphrases: [PASSPHRASES[1]!] })).toThrow(/needs 2 of 3/);
    expect(() => openKmk({ files: [kmc.files[0], kmc.files[1]], passphrases: [PASSPHRASES[0]!, "wrong passphrase!!"] })).toThrow(/wrong passphrase/);
    const kmk = () => openKmk({ files: [kmc.files[1], kmc.files[2]], passphrases: [PASSPHRASES[1]!, PASSPHRASES[2]!] });
    const runs = await Promise.all([deliverKeyRecoveries({ kmk: kmk() }), deliverKeyRecoveries({ kmk: kmk() })]);
    expect(runs.flat().filter((o) => o.id === recoveryId && o.outcome === "delivered")).toHaveLength(1);

    // The new phone opens the delivery with its transport key: it is the current share.
    const view = await getKeyRecovery({ userId: user.id, recoveryId });
    expect(view.status).toBe("DELIVERED");
    const d1 = openRecoveredShare(view.delivery, { recoveryId, keyShareId: stored.enc.keyShareId, publicKey: view.publicKey, transportPrivateKey: transport.privateKey });
    expect(bytesToHex(d1)).toBe(bytesToHex(stored.enc.d1));
    // Someone else cannot see it.
    const other = await createUser();
    await expectAppError(getKeyRecovery({ userId: other.id, recoveryId }), "not_found");

    // Install: a new PIN, a rotation (ρ, W′); from now the share is locked against the old phone.
    const rotation = await installRecoveredShare({ userId: user.id, recoveryId, input: { pin: NEW_PHONE_PIN, confirm: NEW_PHONE_PIN } });
    expect(rotation).not.toHaveProperty("wrapKey");
    await expectAppError(phoneDecrypt(user.id, stored.enc, PIN, forKey()), "locked");
    const rho = rotation.refresh.find((r) => r.keyShareId === stored.enc.keyShareId)!.rho;
    const newRecord = { keyShareId: stored.enc.keyShareId, wrapped: await wrapShare({ d1: refreshPhoneShare(d1, rho), wrapKey: rotation.nextWrapKey, keyShareId: stored.enc.keyShareId }) };
    // A wrong PIN at the confirm counts (against this share only) and changes nothing.
    await expectAppError(confirmPinRotation({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: PIN } }), "code_invalid");
    expect(await confirmPinRotation({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: NEW_PHONE_PIN } })).toMatchObject({ rotated: true, group: [stored.enc.keyShareId] });
    expect((await db.keyRecovery.findUniqueOrThrow({ where: { id: recoveryId } })).status).toBe("INSTALLED");
    expect((await db.keyRecovery.findUniqueOrThrow({ where: { id: recoveryId } })).delivery).toBeNull();

    // The new phone decrypts with its PIN; the old phone's record, with its PIN or a logged W, does not.
    expect(await phoneDecrypt(user.id, newRecord, NEW_PHONE_PIN, forKey())).toEqual(secret);
    await expectAppError(phoneDecrypt(user.id, stored.enc, PIN, forKey()), "code_invalid");
    await expect(phoneDecrypt(user.id, stored.enc, NEW_PHONE_PIN, forKey(), loggedW)).rejects.toThrow();
    // The signing share was not touched: the old PIN still opens the signing key (the reissue revokes it).
    expect((await db.keyShare.findUniqueOrThrow({ where: { id: stored.sign.keyShareId } })).status).toBe("ACTIVE");
    // The recovered share has a PIN of its own: the lost phone's wrong PINs on the signing key do not
    // count against it, and five of them lock only the signing key.
    const encFailures = (await db.keyShare.findUniqueOrThrow({ where: { id: stored.enc.keyShareId } })).pinFailures;
    for (let i = 0; i < 5; i++) await expect(releaseWrapKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "000001" } })).rejects.toThrow();
    expect((await db.keyShare.findUniqueOrThrow({ where: { id: stored.sign.keyShareId } })).status).toBe("LOCKED");
    expect(await db.keyShare.findUniqueOrThrow({ where: { id: stored.enc.keyShareId } })).toMatchObject({ status: "ACTIVE", pinFailures: encFailures });
    expect(await phoneDecrypt(user.id, newRecord, NEW_PHONE_PIN, forKey())).toEqual(secret);
    // Install again after it: nothing delivered any more.
    await expectAppError(installRecoveredShare({ userId: user.id, recoveryId, input: { pin: NEW_PHONE_PIN, confirm: NEW_PHONE_PIN } }), "conflict");
    // Audited, step by step.
    const actions = (await db.auditLog.findMany({ where: { targetId: recoveryId }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["key.recovery_requested", "key.recovery_approved", "key.recovery_delivered", "key.recovery_staged", "key.recovery_installed"]);
  });

  it("a signing key, another user's key, a revoked certificate's key: no recovery", async () => {
    const { user, stored } = await holder();
    const input = { transportPublicKey: bytesToHex(generateKeyPair().publicKey) };
    await expectAppError(requestKeyRecovery({ userId: user.id, keyShareId: stored.sign.keyShareId, input }), "conflict", "phone.errors.notEscrowed");
    const other = await createUser();
    await expectAppError(requestKeyRecovery({ userId: other.id, keyShareId: stored.enc.keyShareId, input }), "not_found");
    const offCurve = await expectAppError(requestKeyRecovery({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { transportPublicKey: "04" + "11".repeat(64) } }), "validation_failed");
    expect(offCurve.fields?.transportPublicKey).toEqual(["phone.errors.transportKey"]);
    const cert = await db.certificate.findFirstOrThrow({ where: { keyShareId: stored.enc.keyShareId } });
    await revokeCertificate({ certificateId: cert.id, reason: "superseded", actorId: user.id });
    await expectAppError(requestKeyRecovery({ userId: user.id, keyShareId: stored.enc.keyShareId, input }), "not_found");
  });

  it("a rejected request delivers nothing; the holder may ask again", async () => {
    const { user, stored } = await holder();
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const input = { transportPublicKey: bytesToHex(generateKeyPair().publicKey) };
    const first = await requestKeyRecovery({ userId: user.id, keyShareId: stored.enc.keyShareId, input });
    await expectAppError(requestKeyRecovery({ userId: user.id, keyShareId: stored.enc.keyShareId, input }), "conflict", "phone.errors.recoveryOpen");
    await expectInvalid(decideKeyRecovery({ operator: reviewer, recoveryId: first.id, input: { decision: "reject", reason: "x" } }), "reason");
    // Racing decisions (two operators at once): one outcome.
    const other = await createUser({ role: "CA_ADMIN" });
    const race = await Promise.allSettled([
      decideKeyRecovery({ operator: reviewer, recoveryId: first.id, input: { decision: "reject", reason: "未能核实持有人身份" } }),
      ...Array.from({ length: 4 }, () => decideKeyRecovery({ operator: other, recoveryId: first.id, input: { decision: "reject", reason: "未能核实持有人身份" } })),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db.keyRecovery.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("REJECTED");
    await expectAppError(decideKeyRecovery({ operator: reviewer, recoveryId: first.id, input: { decision: "approve" } }), "conflict");
    const kmk = openKmk({ files: kmc.files.slice(0, 2), passphrases: PASSPHRASES.slice(0, 2) });
    expect((await deliverKeyRecoveries({ kmk })).some((o) => o.id === first.id)).toBe(false);
    const inbox = await db.inboxMessage.findMany({ where: { userId: user.id } });
    expect(inbox.some((m) => m.body.includes("未能核实持有人身份"))).toBe(true);
    expect((await requestKeyRecovery({ userId: user.id, keyShareId: stored.enc.keyShareId, input })).status).toBe("REQUESTED");
  });
});

describe("the demo key-management key", () => {
  it("is refused once a KMK is configured: the desk never holds a KMK private key then", () => {
    expect(() => demoKmkPrivateKey()).toThrow(/only on a demo desk/);
  });
});
