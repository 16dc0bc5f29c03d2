import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";
import { verify as sm2Verify } from "@/lib/pki/sm2";
import type { Sm2Signer } from "@/lib/pki/signer";
import { toArrayBuffer, toUint8Array } from "@/lib/pki/asn1/buffers";
import { digest, hashNameByOid, hashOid, isHashName, type HashName } from "@/lib/pki/engine/hash-algorithms";
import { sm2PointFromPublicKeyInfo } from "@/lib/pki/engine/sm2-public-key";

// WebCrypto knows neither SM2 nor SM3, so pkijs reaches them through this engine. The "private
// key" pkijs passes around is an Sm2Signer: its sign() is async, which lets the same builders sign
// with a local key or with the two-party protocol (one network round trip per signature).
// Anything that is not SM2/SM3 falls through to pkijs' WebCrypto engine.

export const SM2_SIGNATURE_OIDS: readonly string[] = [OID.sm2WithSm3, OID.sm2Sign];

export function isSm2Signer(key: unknown): key is Sm2Signer {
  return (
    typeof key === "object" &&
    key !== null &&
    typeof (key as Sm2Signer).sign === "function" &&
    (key as Sm2Signer).publicKey instanceof Uint8Array
  );
}

/** pkijs types its sign() argument as CryptoKey; ours is an Sm2Signer the engine recognises. */
export function signerAsPkijsKey(signer: Sm2Signer): CryptoKey {
  return signer as unknown as CryptoKey;
}

/** SM2-with-SM3 AlgorithmIdentifier with parameters ABSENT, byte-for-byte what OpenSSL writes. */
export function sm2WithSm3AlgorithmIdentifier(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sm2WithSm3 });
}

function normaliseHashName(name: string): HashName | undefined {
  const upper = name.toUpperCase();
  return isHashName(upper) ? upper : undefined;
}

export class Sm2CryptoEngine extends pkijs.CryptoEngine {
  constructor(crypto: Crypto = globalThis.crypto) {
    super({ name: "certdesk-sm2", crypto });
  }

  override async digest(algorithm: AlgorithmIdentifier, data: BufferSource): Promise<ArrayBuffer> {
    const name = typeof algorithm === "string" ? algorithm : algorithm.name;
    const hash = normaliseHashName(name);
    if (!hash) return super.digest(algorithm, data);
    return toArrayBuffer(digest(hash, toUint8Array(data as ArrayBuffer | ArrayBufferView)));
  }

  override getOIDByAlgorithm(algorithm: Algorithm, safety?: boolean, target?: string): string {
    const hashName = normaliseHashName(algorithm.name);
    if (algorithm.name.toUpperCase() === "SM2") return OID.sm2WithSm3;
    if (hashName) return hashOid(hashName);
    return super.getOIDByAlgorithm(algorithm, safety, target);
  }

  override getAlgorithmByOID<T extends Algorithm = Algorithm>(oid: string, safety?: boolean, target?: string): T | object {
    if (SM2_SIGNATURE_OIDS.includes(oid)) return { name: "SM2", hash: { name: "SM3" } };
    const hashName = hashNameByOid(oid);
    if (hashName) return { name: hashName };
    if (oid === OID.sm2Curve) return { name: "SM2" };
    return super.getAlgorithmByOID<T>(oid, safety as true, target);
  }

  override getHashAlgorithm(signatureAlgorithm: pkijs.AlgorithmIdentifier): string {
    if (SM2_SIGNATURE_OIDS.includes(signatureAlgorithm.algorithmId)) return "SM3";
    return super.getHashAlgorithm(signatureAlgorithm);
  }

  override async getSignatureParameters(privateKey: CryptoKey, hashAlgorithm?: string): Promise<pkijs.CryptoEngineSignatureParams> {
    if (!isSm2Signer(privateKey)) return super.getSignatureParameters(privateKey, hashAlgorithm);
    return {
      signatureAlgorithm: sm2WithSm3AlgorithmIdentifier(),
      parameters: { algorithm: { name: "SM2", hash: { name: "SM3" } } as Algorithm },
    } as pkijs.CryptoEngineSignatureParams;
  }

  override async signWithPrivateKey(
    data: BufferSource,
    privateKey: CryptoKey,
    parameters: pkijs.CryptoEngineSignWithPrivateKeyParams,
  ): Promise<ArrayBuffer> {
    if (!isSm2Signer(privateKey)) return super.signWithPrivateKey(data, privateKey, parameters);
    try {
      const signature = await privateKey.sign(toUint8Array(data as ArrayBuffer | ArrayBufferView));
      return toArrayBuffer(signature);
    } catch (error) {
      if (error instanceof PkiError) throw error;
      throw new PkiError("sign_failed", `SM2 signer failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  override async verifyWithPublicKey(
    data: BufferSource,
    signature: asn1js.BitString | asn1js.OctetString,
    publicKeyInfo: pkijs.PublicKeyInfo,
    signatureAlgorithm: pkijs.AlgorithmIdentifier,
    shaAlgorithm?: string,
  ): Promise<boolean> {
    if (!SM2_SIGNATURE_OIDS.includes(signatureAlgorithm.algorithmId)) {
      return super.verifyWithPublicKey(data, signature, publicKeyInfo, signatureAlgorithm, shaAlgorithm);
    }
    // A BIT STRING signature with unused bits is malformed, not merely wrong.
    if (signature instanceof asn1js.BitString && signature.valueBlock.unusedBits !== 0) return false;
    const point = sm2PointFromPublicKeyInfo(publicKeyInfo);
    const sigDer = new Uint8Array(signature.valueBlock.valueHexView);
    try {
      return sm2Verify(sigDer, toUint8Array(data as ArrayBuffer | ArrayBufferView), point);
    } catch {
      return false;
    }
  }
}
