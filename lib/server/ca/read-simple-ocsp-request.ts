import { DerReader, DER_TAG } from "@/lib/pki/der";
import { bytesToHex } from "@/lib/pki/encoding";

const SHA1_OID = Uint8Array.from([0x2b, 0x0e, 0x03, 0x02, 0x1a]); // 1.3.14.3.2.26, content octets

export interface SimpleOcspRequest {
  issuerNameHashHex: string;
  issuerKeyHashHex: string;
  serialHex: string;
}

function sameBytes(a: Uint8Array, b: Uint8Array) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Recognises the one request shape worth answering from cache (RFC 5019): unsigned, v1, one
 * CertID hashed with SHA-1, no extensions (so no nonce). Returns undefined for anything else,
 * which then goes through the full pkijs parser. Reading this shape with a DER walk costs a few
 * microseconds; pkijs' schema matching costs about a millisecond, most of the cached-answer budget.
 */
export function readSimpleOcspRequest(der: Uint8Array): SimpleOcspRequest | undefined {
  try {
    const outer = new DerReader(der);
    const request = new DerReader(outer.read(DER_TAG.sequence));
    outer.end();
    const tbs = new DerReader(request.read(DER_TAG.sequence));
    if (!request.isDone) return undefined; // optionalSignature
    const list = new DerReader(tbs.read(DER_TAG.sequence)); // no [0] version, [1] requestorName
    if (!tbs.isDone) return undefined; // [2] requestExtensions (a nonce)
    const single = new DerReader(list.read(DER_TAG.sequence));
    if (!list.isDone) return undefined; // more than one certificate
    const certId = new DerReader(single.read(DER_TAG.sequence));
    if (!single.isDone) return undefined; // singleRequestExtensions
    const algorithm = new DerReader(certId.read(DER_TAG.sequence));
    if (!sameBytes(algorithm.read(DER_TAG.oid), SHA1_OID)) return undefined;
    if (!algorithm.isDone && !sameBytes(algorithm.read(0x05), new Uint8Array(0))) return undefined;
    algorithm.end();
    const nameHash = certId.read(DER_TAG.octetString);
    const keyHash = certId.read(DER_TAG.octetString);
    const serial = certId.read(DER_TAG.integer);
    certId.end();
    if (nameHash.length !== 20 || keyHash.length !== 20 || serial.length === 0 || serial[0] & 0x80) return undefined;
    let start = 0;
    while (start < serial.length - 1 && serial[start] === 0) start++;
    return { issuerNameHashHex: bytesToHex(nameHash), issuerKeyHashHex: bytesToHex(keyHash), serialHex: bytesToHex(serial.subarray(start)) };
  } catch {
    return undefined;
  }
}
