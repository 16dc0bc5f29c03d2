import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@/lib/pki/encoding";
import { sm3 } from "@/lib/pki/sm3";
import { derToPem } from "@/lib/pki/pem";

/** What every certificate builder returns: the bytes, and the facts the CA stores next to them. */
export interface IssuedCertificate {
  der: Uint8Array;
  pem: string;
  /** Lower-case hex of the serial number, no sign-padding zero octet. */
  serialHex: string;
  /** SHA-256 over the DER, lower-case hex: what browsers and OpenSSL -fingerprint show. */
  fingerprintSha256: string;
  /** SM3 over the DER, lower-case hex: what Chinese CA tooling shows. */
  fingerprintSm3: string;
  notBefore: Date;
  notAfter: Date;
}

export function describeIssuedCertificate(
  der: Uint8Array,
  facts: { serialHex: string; notBefore: Date; notAfter: Date },
): IssuedCertificate {
  return {
    der,
    pem: derToPem(der, "CERTIFICATE"),
    serialHex: facts.serialHex,
    fingerprintSha256: bytesToHex(sha256(der)),
    fingerprintSm3: bytesToHex(sm3(der)),
    notBefore: facts.notBefore,
    notAfter: facts.notAfter,
  };
}
