import * as asn1js from "asn1js";
import { PkiError } from "@/lib/pki/errors";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";

/**
 * Parses one DER object and refuses trailing bytes: a structure followed by junk is how
 * signature-wrapping tricks start, so nothing here accepts it.
 */
export function parseDer(der: Uint8Array, what: string): asn1js.AsnType {
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    parsed = asn1js.fromBER(toArrayBuffer(der));
  } catch (error) {
    // asn1js throws on some bytes instead of reporting them (a UniversalString of 5 bytes: RangeError).
    throw new PkiError("invalid_der", `${what}: not valid DER (${error instanceof Error ? error.message : String(error)})`);
  }
  if (parsed.offset === -1) {
    throw new PkiError("invalid_der", `${what}: not valid DER (${parsed.result.error})`);
  }
  if (parsed.offset !== der.byteLength) {
    throw new PkiError("invalid_der", `${what}: ${der.byteLength - parsed.offset} trailing bytes after DER`);
  }
  return parsed.result;
}

/** Runs a pkijs constructor over parsed DER and turns its schema errors into PkiError. */
export function parsePkijs<T>(der: Uint8Array, what: string, build: (schema: asn1js.AsnType) => T): T {
  const schema = parseDer(der, what);
  try {
    return build(schema);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PkiError("invalid_der", `${what}: ${detail}`);
  }
}

/**
 * asn1js.fromBER for bytes from outside (an extension's value, an attribute): what it cannot read,
 * including the bytes on which it throws instead of reporting, is `{ offset: -1 }` with no result.
 */
export function readBer(bytes: ArrayBuffer | Uint8Array): { offset: number; result?: asn1js.AsnType } {
  try {
    const parsed = asn1js.fromBER(bytes instanceof Uint8Array ? toArrayBuffer(bytes) : bytes);
    return parsed.offset === -1 ? { offset: -1 } : parsed;
  } catch {
    return { offset: -1 };
  }
}
