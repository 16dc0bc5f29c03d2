import { sha1 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { sm3 } from "@/lib/pki/sm3";
import { OID } from "@/lib/pki/oids";

// The hashes this PKI meets: SM3 for our own signatures, SHA-1/SHA-256 because OCSP clients
// (OpenSSL, browsers, Windows) name certificates by SHA-1 and sometimes SHA-256 hashes, and
// SHA-1 is the usual key identifier method (RFC 5280 4.2.1.2). Synchronous noble code keeps
// this identical in Node and in the browser.
export type HashName = "SM3" | "SHA-1" | "SHA-256";

const BY_NAME: Record<HashName, { oid: string; fn: (data: Uint8Array) => Uint8Array }> = {
  SM3: { oid: OID.sm3, fn: sm3 },
  "SHA-1": { oid: OID.sha1, fn: sha1 },
  "SHA-256": { oid: OID.sha256, fn: sha256 },
};

export function isHashName(name: string): name is HashName {
  return Object.hasOwn(BY_NAME, name.toUpperCase());
}

export function digest(name: HashName, data: Uint8Array): Uint8Array {
  return BY_NAME[name].fn(data);
}

export function hashOid(name: HashName): string {
  return BY_NAME[name].oid;
}

export function hashNameByOid(oid: string): HashName | undefined {
  return (Object.keys(BY_NAME) as HashName[]).find((name) => BY_NAME[name].oid === oid);
}
