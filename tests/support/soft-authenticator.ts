import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

// A software WebAuthn authenticator (P-256 / ES256) built on node:crypto: it makes the same bytes a
// real one does — CBOR attestation object with "none" attestation, authenticator data with the RP ID
// hash, flags and signature counter, clientDataJSON — so @simplewebauthn/server verifies them as it
// would a browser's. Used by integration tests and by the e2e login fixture for staff.

const b64url = (b: Uint8Array | Buffer) => Buffer.from(b).toString("base64url");

// ── minimal CBOR (RFC 8949): unsigned/negative ints, byte and text strings, maps ──
function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}
type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;
function cbor(v: Cbor): Buffer {
  if (typeof v === "number") return v >= 0 ? head(0, v) : head(1, -1 - v);
  if (typeof v === "string") {
    const s = Buffer.from(v, "utf8");
    return Buffer.concat([head(3, s.length), s]);
  }
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), Buffer.from(v)]);
  const parts = [head(5, v.size)];
  for (const [k, val] of v) parts.push(cbor(k), cbor(val));
  return Buffer.concat(parts);
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export type SoftCredential = {
  id: Uint8Array;
  privateKey: KeyObject;
  /** The next signature counter this authenticator reports (0: it keeps none). */
  counter: number;
  userHandle?: string;
};

/** A fresh credential, or a reproducible one from a seed (same seed → same key and id). */
export function softCredential({ seed, counter = 0 }: { seed?: string; counter?: number } = {}): SoftCredential {
  if (!seed) return { id: new Uint8Array(randomBytes(32)), privateKey: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey, counter };
  const d = createHash("sha256").update(`soft-authenticator:key:${seed}`).digest();
  // PKCS#8 of a P-256 private key without the optional public key: OpenSSL derives it.
  const der = Buffer.concat([Buffer.from("308141020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420", "hex"), d]);
  const privateKey = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
  const id = createHash("sha256").update(`soft-authenticator:id:${seed}`).digest();
  return { id: new Uint8Array(id), privateKey, counter };
}

function coseKey(privateKey: KeyObject): Buffer {
  const jwk = createPublicKey(privateKey).export({ format: "jwk" }) as { x: string; y: string };
  return cbor(
    new Map<Cbor, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x, "base64url")],
      [-3, Buffer.from(jwk.y, "base64url")],
    ]),
  );
}

function clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), "utf8");
}

function counterBytes(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** navigator.credentials.create → the JSON @simplewebauthn/browser would send (attestation "none"). */
export function softRegistration(
  cred: SoftCredential,
  { challenge, rpId, origin, userVerified = true }: { challenge: string; rpId: string; origin: string; userVerified?: boolean },
) {
  const rpIdHash = createHash("sha256").update(rpId).digest();
  const flags = FLAG_UP | FLAG_AT | (userVerified ? FLAG_UV : 0);
  const credLen = Buffer.alloc(2);
  credLen.writeUInt16BE(cred.id.length);
  const authData = Buffer.concat([rpIdHash, Buffer.from([flags]), counterBytes(cred.counter), Buffer.alloc(16), credLen, Buffer.from(cred.id), coseKey(cred.privateKey)]);
  const attestationObject = cbor(new Map<Cbor, Cbor>([["fmt", "none"], ["attStmt", new Map()], ["authData", authData]]));
  return {
    id: b64url(cred.id),
    rawId: b64url(cred.id),
    type: "public-key" as const,
    response: {
      clientDataJSON: b64url(clientData("webauthn.create", challenge, origin)),
      attestationObject: b64url(attestationObject),
      transports: ["internal"],
    },
    clientExtensionResults: {},
    authenticatorAttachment: "platform" as const,
  };
}

/** navigator.credentials.get → the JSON @simplewebauthn/browser would send; advances the counter if kept. */
export function softAssertion(
  cred: SoftCredential,
  { challenge, rpId, origin, userVerified = true, userHandle = cred.userHandle }: { challenge: string; rpId: string; origin: string; userVerified?: boolean; userHandle?: string },
) {
  if (cred.counter > 0) cred.counter += 1;
  const rpIdHash = createHash("sha256").update(rpId).digest();
  const authData = Buffer.concat([rpIdHash, Buffer.from([FLAG_UP | (userVerified ? FLAG_UV : 0)]), counterBytes(cred.counter)]);
  const cdj = clientData("webauthn.get", challenge, origin);
  const signature = sign("sha256", Buffer.concat([authData, createHash("sha256").update(cdj).digest()]), cred.privateKey);
  return {
    id: b64url(cred.id),
    rawId: b64url(cred.id),
    type: "public-key" as const,
    response: {
      clientDataJSON: b64url(cdj),
      authenticatorData: b64url(authData),
      signature: b64url(signature),
      ...(userHandle ? { userHandle } : {}),
    },
    clientExtensionResults: {},
    authenticatorAttachment: "platform" as const,
  };
}
