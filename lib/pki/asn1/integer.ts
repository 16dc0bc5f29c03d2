import * as asn1js from "asn1js";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";

/** A non-negative bigint as a DER INTEGER (minimal octets, a leading zero when the top bit is set). */
export function bigintToAsn1Integer(value: bigint): asn1js.Integer {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  const bytes = Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
  return new asn1js.Integer({ valueHex: toArrayBuffer(bytes) });
}

export function asn1IntegerToBigint(integer: asn1js.Integer): bigint {
  const bytes = integer.valueBlock.valueHexView;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  if (bytes.length > 0 && bytes[0] & 0x80) value -= 1n << BigInt(bytes.length * 8);
  return value;
}
