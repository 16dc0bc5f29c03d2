// The threat model of docs/key-storage.md, one test per row: what each attacker holds, and what
// they can and cannot do with it, played against a real download (dual certificates, the
// encryption share escrowed to a 2-of-3 key-management key).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { applyEscrowFactor, openEscrow } from "@/lib/pki/escrow";
import { decrypt as sm2Decrypt, encrypt as sm2Encrypt } from "@/lib/pki/sm2-encrypt";
import { sign as sm2Sign, verify } from "@/lib/pki/sm2";
import { finishDecrypt, finishSign, startDecrypt, startSign } from "@/lib/pki/two-party";
import { sm2Digest } from "@/lib/pki/sm2-digest";
import { pinCheckMessage } from "@/lib/phone/signed-messages";
import { unwrapShare } from "@/lib/phone/wrap-share";
import { keyShareAad } from "@/lib/server/keys/key-share-aad";
import { db } from "@/lib/db/client";
import { createKmk } from "@/lib/server/escrow/create-kmk";
import { openEscrowSecret } from "@/lib/server/escrow/escrow-secret";
import { openKmk } from "@/lib/server/escrow/open-kmk";
import { decryptWithPin } from "@/lib/server/keys/decrypt-with-pin";
import { openPinSecret } from "@/lib/server/keys/pin-secret";
import { releaseWrapKey } from "@/lib/server/keys/release-wrap-key";
import { signWithPin } from "@/lib/server/keys/sign-with-pin";
import { resetSecretsCache } from "@/lib/db/secrets";
import { openSecret } from "@/lib/db/seal";
import { expectAppError } from "../support/expect-app-error";
import { createUser } from "../support/factories";
import { downloadAsPhone } from "../support/phone-download";
import { createSubmittedOrder } from "../support/review-fixtures";

const PIN = "285714";
const PASSPHRASES = ["custodian one's phrase", "custodian two's phrase", "custodian three's phrase"];
const kmc = createKmk({ threshold: 2, passphrases: PASSPHRASES });
const saved = { kmk: process.env.CERTDESK_KMK_PUBLIC_KEY, kek: process.env.CERTDESK_KEK };

beforeAll(() => {
  process.env.CERTDESK_KMK_PUBLIC_KEY = kmc.publicKey;
  resetEnvCache();
});
afterAll(() => {
  for (const [name, value] of [["CERTDESK_KMK_PUBLIC_KEY", saved.kmk], ["CERTDESK_KEK", saved.kek]] as const) {
    if (value) process.env[name] = value;
    else delete process.env[name];
  }
  resetEnvCache();
  resetSecretsCache();
});

async function victim() {
  const user = await createUser();
  const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
  const phone = await downloadAsPhone(user.id, order.id, PIN);
  return { user, ...phone };
}

/** Everything the database holds about the victim's keys, as a dump would show it. */
async function databaseCopy(userId: string) {
  const shares = await db.keyShare.findMany({ where: { userId }, omit: { wrappedShare: false, pinVerifier: false } });
  const escrows = await db.keyEscrow.findMany({ where: { keyShareId: { in: shares.map((s) => s.id) } } });
  const cas = await db.certificateAuthority.findMany({ omit: { wrappedKey: false } });
  return { shares, escrows, cas, text: JSON.stringify({ shares, escrows, cas }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? bytesToHex(v) : v)) };
}

/** The whole key, as only an attacker holding both shares could compute it: (d1·d2)⁻¹ − 1. */
function wholeKey(d1: Uint8Array, d2: Uint8Array): Uint8Array {
  const n = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
  const prod = (BigInt("0x" + bytesToHex(d1)) * BigInt("0x" + bytesToHex(d2))) % n;
  let [a, b, x0, x1] = [prod, n, 1n, 0n];
  while (b) [a, b, x0, x1] = [b, a % b, x1, x0 - (a / b) * x1];
  const inv = ((x0 % n) + n) % n;
  return hexToBytes(((inv - 1n + n) % n).toString(16).padStart(64, "0"));
}

const message = utf8ToBytes("投标文件 2026-TB-0001");

describe("threat model (docs/key-storage.md)", () => {
  it("a database copy without the KEK: no share, no W, no PIN verifier, no escrow, no CA key opens", async () => {
    const { user, stored, issued } = await victim();
    const copy = await databaseCopy(user.id);
    for (const secret of [bytesToHex(stored.sign.d1), bytesToHex(stored.enc.d1), issued.wrapKey]) expect(copy.text).not.toContain(secret);
    expect(copy.text).not.toMatch(/\$argon2id\$/);
    // The attacker's desk runs with any other KEK: every sealed column refuses to open.
    process.env.CERTDESK_KEK = randomBytes(32).toString("hex");
    resetEnvCache();
    resetSecretsCache();
    try {
      for (const s of copy.shares) {
        expect(() => openSecret(s.wrappedShare, keyShareAad({ userId: s.userId, publicKeyHex: s.publicKey }))).toThrow();
        expect(() => openPinSecret(s.id, s.pinVerifier!)).toThrow();
      }
      for (const e of copy.escrows) expect(() => openEscrowSecret(e.keyShareId, e.sealed)).toThrow();
      for (const ca of copy.cas.filter((c) => c.wrappedKey)) expect(() => openSecret(ca.wrappedKey!, `ca-key:${ca.keyRef}`)).toThrow();
    } finally {
      if (saved.kek) process.env.CERTDESK_KEK = saved.kek;
      else delete process.env.CERTDESK_KEK;
      resetEnvCache();
      resetSecretsCache();
    }
  });

  it("a database copy with the KEK but not the phone: d2 and W open, yet nothing signs or decrypts", async () => {
    const { user, stored } = await victim();
    const copy = await databaseCopy(user.id);
    for (const s of copy.shares) {
      const d2 = openSecret(s.wrappedShare, keyShareAad({ userId: s.userId, publicKeyHex: s.publicKey }));
      const pub = hexToBytes(s.publicKey);
      // d2 used as if it were the key: its signatures do not verify under the certificate's key.
      expect(verify(sm2Sign(message, d2), message, pub)).toBe(false);
      // and it decrypts nothing made for the encryption certificate.
      if (s.id === stored.enc.keyShareId) expect(() => sm2Decrypt(d2, sm2Encrypt(pub, message))).toThrow();
    }
    // The escrow's outer layer opens; what is inside is encrypted to the key-management key.
    const escrow = openEscrowSecret(stored.enc.keyShareId, copy.escrows[0]!.sealed);
    expect(escrow.envelope.ciphertext).not.toContain(bytesToHex(stored.enc.d1));
    const wrongKmk = new Uint8Array(randomBytes(32));
    expect(() => openEscrow(escrow.envelope, wrongKmk)).toThrow();
  });

  it("the key-management key alone (M custodians together) has no share to open: the envelopes are sealed in the database", async () => {
    const { user, stored } = await victim();
    const kmk = openKmk({ files: kmc.files.slice(0, 2), passphrases: PASSPHRASES.slice(0, 2) });
    const copy = await databaseCopy(user.id);
    // The KMK's ciphertext never leaves the sealed column: a copy shows only the KEK layer.
    const envelope = openEscrowSecret(stored.enc.keyShareId, copy.escrows[0]!.sealed).envelope;
    expect(copy.text).not.toContain(envelope.ciphertext.slice(2, 66));
    expect(kmk.id).toBe(envelope.kmkId);
  });

  it("database + KEK + key-management key (both sides of the dual control): the encryption key, never the signing key", async () => {
    const { user, stored } = await victim();
    const copy = await databaseCopy(user.id);
    const kmk = openKmk({ files: [kmc.files[0], kmc.files[2]], passphrases: [PASSPHRASES[0]!, PASSPHRASES[2]!] });
    const enc = copy.shares.find((s) => s.id === stored.enc.keyShareId)!;
    const escrow = openEscrowSecret(enc.id, copy.escrows.find((e) => e.keyShareId === enc.id)!.sealed);
    const d1 = applyEscrowFactor(openEscrow(escrow.envelope, kmk.privateKey), escrow.factor);
    const d2 = openSecret(enc.wrappedShare, keyShareAad({ userId: enc.userId, publicKeyHex: enc.publicKey }));
    // This is what escrow is for (GM/T 0015): the encryption key is recoverable under dual control.
    expect(sm2Decrypt(wholeKey(d1, d2), sm2Encrypt(hexToBytes(enc.publicKey), message))).toEqual(message);
    // The signing share is escrowed nowhere.
    expect(copy.escrows.map((e) => e.keyShareId)).toEqual([stored.enc.keyShareId]);
  });

  it("the phone's storage without the PIN: the record does not open, and 20 parallel guesses lock the key after 5", async () => {
    const { user, stored } = await victim();
    await expect(unwrapShare({ wrapped: stored.sign.wrapped, wrapKey: randomBytes(32).toString("base64url"), keyShareId: stored.sign.keyShareId })).rejects.toThrow();
    const guesses = Array.from({ length: 20 }, (_, i) => String(100000 + i * 7919).padStart(6, "0"));
    const results = await Promise.allSettled(guesses.map((pin) => releaseWrapKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin } })));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    const shares = await db.keyShare.findMany({ where: { userId: user.id } });
    expect(shares.map((s) => [s.status, s.pinFailures])).toEqual([["LOCKED", 5], ["LOCKED", 5]]);
    await expectAppError(releaseWrapKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: PIN } }), "locked");
    expect(await db.auditLog.count({ where: { action: "key.server_half", targetId: stored.sign.keyShareId } })).toBe(0);
  });

  it("the phone's storage with the PIN (the holder): signs under the certificate's key and decrypts", async () => {
    const { user, stored } = await victim();
    const started = startSign({ keyId: stored.sign.keyShareId, message: new Uint8Array(0), publicKey: stored.sign.publicKey });
    const msg = pinCheckMessage({ keyShareId: stored.sign.keyShareId, nonce: started.request.nonce });
    const e = sm2Digest(msg, stored.sign.publicKey);
    const request = { ...started.request, e: bytesToHex(e) };
    const { wrapKey, response } = await signWithPin({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: PIN, request } });
    const d1 = await unwrapShare({ wrapped: stored.sign.wrapped, wrapKey, keyShareId: stored.sign.keyShareId });
    const signature = finishSign({ d1, k1: started.k1, e, publicKey: stored.sign.publicKey, request, response });
    expect(verify(signature, msg, stored.sign.publicKey)).toBe(true);

    const ciphertext = sm2Encrypt(stored.enc.publicKey, message);
    const w = (await releaseWrapKey({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: PIN } })).wrapKey;
    const decStart = startDecrypt({ keyId: stored.enc.keyShareId, d1: await unwrapShare({ wrapped: stored.enc.wrapped, wrapKey: w, keyShareId: stored.enc.keyShareId }), ciphertext });
    const half = await decryptWithPin({ userId: user.id, keyShareId: stored.enc.keyShareId, input: { pin: PIN, request: decStart.request } });
    expect(finishDecrypt({ ...decStart, response: half.response })).toEqual(message);
  });
});
