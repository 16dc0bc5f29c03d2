import { describe, expect, it } from "vitest";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { PkiError } from "@/lib/pki/errors";
import { SM2_N, generateKeyPair, getPublicKey } from "@/lib/pki/sm2";
import { encrypt } from "@/lib/pki/sm2-encrypt";
import { finishDecrypt, finishKeygen, serverDecrypt, serverKeygen, startDecrypt, startKeygen } from "@/lib/pki/two-party";
import { newRefreshFactor, refreshPhoneShare, refreshServerShare } from "@/lib/pki/two-party/refresh-share";
import {
  ESCROW_FACTOR_ONE,
  advanceEscrowFactor,
  applyEscrowFactor,
  checkEscrowBinding,
  combineShares,
  escrowShare,
  kmkIdOf,
  openEscrow,
  openRecoveredShare,
  sealRecoveredShare,
  splitSecret,
} from "@/lib/pki/escrow";
import { bigIntToBytes, bytesToBigInt } from "@/lib/pki/encoding";

function jointKey() {
  const { d1, request } = startKeygen();
  const server = serverKeygen(request);
  const publicKey = finishKeygen({ d1, request, response: server.response });
  return { keyId: request.keyId, d1, d2: server.d2, publicKey: bytesToHex(publicKey) };
}

/** Decrypts a message made for the joint key with the two shares, as the phone and the desk do. */
function jointDecrypt(keyId: string, d1: Uint8Array, d2: Uint8Array, ciphertext: Uint8Array) {
  const started = startDecrypt({ keyId, d1, ciphertext });
  const { response } = serverDecrypt({ d2, request: started.request });
  return finishDecrypt({ ...started, response });
}

function kmk() {
  const { privateKey, publicKey } = generateKeyPair();
  return { privateKey, info: { id: kmkIdOf(publicKey), publicKey: bytesToHex(publicKey) } };
}

function setup() {
  const key = jointKey();
  const centre = kmk();
  const names = { orderId: "order-1", signKeyShareId: "sign-share", encryptKeyShareId: key.keyId, publicKey: key.publicKey };
  const envelope = escrowShare({ d1: key.d1, kmk: centre.info, ...names });
  return { key, centre, names, envelope };
}

describe("encryption-key escrow to the key-management key", () => {
  it("round trip: the desk checks the binding with d2, the centre opens d1, and d1 still decrypts with d2", () => {
    const { key, centre, names, envelope } = setup();
    expect(() => checkEscrowBinding(envelope, { kmkId: centre.info.id, ...names, d2: key.d2 })).not.toThrow();
    const d1 = openEscrow(envelope, centre.privateKey);
    expect(bytesToHex(d1)).toBe(bytesToHex(key.d1));
    const secret = utf8ToBytes("标书开标口令 2026");
    expect(jointDecrypt(key.keyId, d1, key.d2, encrypt(hexToBytes(key.publicKey), secret))).toEqual(secret);
    // The share is nowhere in the envelope's clear fields.
    expect(JSON.stringify(envelope)).not.toContain(bytesToHex(key.d1));
  });

  it("the desk refuses an envelope naming another KMK, order, share or key, or carrying another share's P1", () => {
    const { key, centre, names, envelope } = setup();
    const expected = { kmkId: centre.info.id, ...names, d2: key.d2 };
    const other = jointKey();
    const refused = (env: unknown, exp = expected) => expect(() => checkEscrowBinding(env, exp)).toThrow(PkiError);
    refused({ ...envelope, kmkId: "0".repeat(16) });
    refused(envelope, { ...expected, kmkId: kmk().info.id });
    refused(envelope, { ...expected, orderId: "order-2" });
    refused(envelope, { ...expected, signKeyShareId: "another" });
    refused(envelope, { ...expected, publicKey: other.publicKey });
    // The escrow of another key's share, relabelled with this key's names: its P1 gives it away.
    const foreign = escrowShare({ d1: other.d1, kmk: centre.info, ...names });
    refused(foreign);
    // A garbage ciphertext whose C1 is not on the curve.
    refused({ ...envelope, ciphertext: "04" + "00".repeat(160) });
    refused({ ...envelope, extra: 1 });
  });

  it("the centre refuses an envelope whose clear fields were changed after encryption, or for another KMK", () => {
    const { centre, envelope } = setup();
    expect(() => openEscrow({ ...envelope, orderId: "order-2" }, centre.privateKey)).toThrow(/bound to another share/);
    expect(() => openEscrow(envelope, kmk().privateKey)).toThrow(/key-management key/);
  });

  it("the phone refuses a KMK whose id does not match its public key", () => {
    const key = jointKey();
    const a = kmk();
    const b = kmk();
    expect(() =>
      escrowShare({ d1: key.d1, kmk: { id: a.info.id, publicKey: b.info.publicKey }, orderId: "o", signKeyShareId: "s", encryptKeyShareId: key.keyId, publicKey: key.publicKey }),
    ).toThrow(/does not match/);
  });

  it("the escrow factor follows share refreshes: d1₀·R is the current phone share", () => {
    const { key, centre, envelope } = setup();
    let d1 = key.d1;
    let d2 = key.d2;
    let factor = ESCROW_FACTOR_ONE;
    for (let i = 0; i < 3; i++) {
      const rho = newRefreshFactor();
      const d2Next = refreshServerShare(d2, rho);
      factor = advanceEscrowFactor(factor, d2, d2Next);
      d1 = refreshPhoneShare(d1, rho);
      d2 = d2Next;
    }
    const recovered = applyEscrowFactor(openEscrow(envelope, centre.privateKey), factor);
    expect(bytesToHex(recovered)).toBe(bytesToHex(d1));
    const secret = utf8ToBytes("after three refreshes");
    expect(jointDecrypt(key.keyId, recovered, d2, encrypt(hexToBytes(key.publicKey), secret))).toEqual(secret);
    // The escrowed d1₀ without R does not pair with today's d2.
    expect(() => jointDecrypt(key.keyId, openEscrow(envelope, centre.privateKey), d2, encrypt(hexToBytes(key.publicKey), secret))).toThrow();
  });

  it("delivery to a new phone: only its transport key opens it, only for the recovery it names", () => {
    const key = jointKey();
    const transport = generateKeyPair();
    const target = { recoveryId: "rec-1", keyShareId: key.keyId, publicKey: key.publicKey };
    const delivery = sealRecoveredShare({ ...target, d1: key.d1, transportPublicKey: bytesToHex(transport.publicKey) });
    expect(bytesToHex(openRecoveredShare(delivery, { ...target, transportPrivateKey: transport.privateKey }))).toBe(bytesToHex(key.d1));
    expect(() => openRecoveredShare(delivery, { ...target, recoveryId: "rec-2", transportPrivateKey: transport.privateKey })).toThrow(/another recovery/);
    expect(() => openRecoveredShare({ ...delivery, recoveryId: "rec-2" }, { ...target, recoveryId: "rec-2", transportPrivateKey: transport.privateKey })).toThrow(/bound to another recovery/);
    expect(() => openRecoveredShare(delivery, { ...target, transportPrivateKey: generateKeyPair().privateKey })).toThrow(PkiError);
  });
});

describe("Shamir sharing of the key-management key over GF(n)", () => {
  it("any 3 of 5 shares rebuild the key; 2 give a different scalar; the rebuilt key matches the public key", () => {
    const { privateKey, publicKey } = generateKeyPair();
    const secret = bytesToBigInt(privateKey);
    const shares = splitSecret(secret, 3, 5);
    for (const pick of [[0, 1, 2], [0, 2, 4], [1, 3, 4], [4, 3, 2], [0, 1, 2, 3, 4]]) {
      const k = combineShares(pick.map((i) => shares[i]));
      expect(k).toBe(secret);
      expect(bytesToHex(getPublicKey(bigIntToBytes(k, 32)))).toBe(bytesToHex(publicKey));
    }
    expect(combineShares([shares[0], shares[1]])).not.toBe(secret);
    expect(() => combineShares([shares[0], shares[0], shares[1]])).toThrow(/distinct/);
    expect(() => splitSecret(secret, 4, 3)).toThrow();
  });

  it("1-of-1 is the key itself; shares are uniform-looking scalars below n", () => {
    const s = 12345678901234567890n;
    expect(splitSecret(s, 1, 1)).toEqual([{ x: 1, y: s }]);
    for (const share of splitSecret(s, 2, 3)) expect(share.y < SM2_N && share.y >= 0n).toBe(true);
  });
});
