// X.509, CMS and OpenSSL carry SM2 signatures as DER SEQUENCE { INTEGER r, INTEGER s }.
import { DerReader, DER_TAG, derInteger, derSequence } from "./der";
import { PkiError } from "./errors";

export function encodeSignatureDer(r: bigint, s: bigint): Uint8Array {
  if (r <= 0n || s <= 0n) throw new PkiError("invalid_signature", "signature values must be positive");
  return derSequence(derInteger(r), derInteger(s));
}

/** Strict DER: throws a PkiError("invalid_signature") on anything but one canonical SEQUENCE. */
export function decodeSignatureDer(der: Uint8Array): { r: bigint; s: bigint } {
  try {
    const outer = new DerReader(der);
    const inner = new DerReader(outer.read(DER_TAG.sequence));
    outer.end();
    const r = inner.readInteger();
    const s = inner.readInteger();
    inner.end();
    return { r, s };
  } catch (error) {
    throw new PkiError("invalid_signature", `malformed SM2 signature: ${(error as Error).message}`);
  }
}
