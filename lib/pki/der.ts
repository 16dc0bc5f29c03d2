// The few DER shapes lib/pki needs by itself (signatures, ciphertexts, SPKI) without pulling asn1js
// into the phone bundle. Parsing is strict: definite minimal lengths, no trailing bytes, so one
// signature or ciphertext has exactly one accepted encoding.
import { PkiError } from "./errors";

export const DER_TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  sequence: 0x30,
} as const;

function fail(message: string): never {
  throw new PkiError("invalid_der", message);
}

export function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.from([0x80 | bytes.length, ...bytes]);
}

export function derTlv(tag: number, content: Uint8Array): Uint8Array {
  const length = derLength(content.length);
  const out = new Uint8Array(1 + length.length + content.length);
  out[0] = tag;
  out.set(length, 1);
  out.set(content, 1 + length.length);
  return out;
}

export function derSequence(...items: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const item of items) total += item.length;
  const content = new Uint8Array(total);
  let offset = 0;
  for (const item of items) {
    content.set(item, offset);
    offset += item.length;
  }
  return derTlv(DER_TAG.sequence, content);
}

/** Non-negative INTEGER, minimal two's-complement form. */
export function derInteger(value: bigint): Uint8Array {
  if (value < 0n) throw new RangeError("negative INTEGER is not used by lib/pki");
  let hex = value.toString(16);
  if (hex.length % 2) hex = "0" + hex;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = "00" + hex;
  const content = new Uint8Array(hex.length / 2);
  for (let i = 0; i < content.length; i++) content[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return derTlv(DER_TAG.integer, content);
}

export function derOctetString(bytes: Uint8Array): Uint8Array {
  return derTlv(DER_TAG.octetString, bytes);
}

const oids = new Map<string, Uint8Array>();

/** OBJECT IDENTIFIER from dotted form (kept per OID: the desk encodes a handful, over and over). */
export function derOid(dotted: string): Uint8Array {
  const known = oids.get(dotted);
  if (known) return known;
  const arcs = dotted.split(".").map((a) => {
    if (!/^\d+$/.test(a)) throw new RangeError(`not an OID: ${dotted}`);
    return BigInt(a);
  });
  if (arcs.length < 2 || arcs[0]! > 2n || (arcs[0]! < 2n && arcs[1]! > 39n)) throw new RangeError(`not an OID: ${dotted}`);
  const content: number[] = [];
  for (const arc of [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)]) {
    const group = [Number(arc & 0x7fn)];
    for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) group.unshift(Number(rest & 0x7fn) | 0x80);
    content.push(...group);
  }
  const der = derTlv(DER_TAG.oid, Uint8Array.from(content));
  oids.set(dotted, der);
  return der;
}

/** Reads consecutive TLVs from one buffer; `end()` insists nothing is left over. */
export class DerReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get isDone(): boolean {
    return this.offset === this.bytes.length;
  }

  /** The next value's tag, or undefined at the end. */
  peekTag(): number | undefined {
    return this.offset < this.bytes.length ? this.bytes[this.offset] : undefined;
  }

  /** The next value (which must have `expectedTag`): its content and its whole encoding (tag, length, content). */
  readTlv(expectedTag: number): { content: Uint8Array; tlv: Uint8Array } {
    const start = this.offset;
    const content = this.read(expectedTag);
    return { content, tlv: this.bytes.subarray(start, this.offset) };
  }

  read(expectedTag: number): Uint8Array {
    const { bytes } = this;
    if (this.offset + 2 > bytes.length) fail("truncated DER");
    const tag = bytes[this.offset];
    if (tag !== expectedTag) fail(`expected DER tag 0x${expectedTag.toString(16)}, got 0x${tag.toString(16)}`);
    let pos = this.offset + 1;
    let length = bytes[pos++];
    if (length & 0x80) {
      const count = length & 0x7f;
      if (count === 0 || count > 3) fail("unsupported DER length");
      if (pos + count > bytes.length) fail("truncated DER length");
      if (bytes[pos] === 0) fail("non-minimal DER length");
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + bytes[pos++];
      if (length < 0x80) fail("non-minimal DER length");
    }
    if (pos + length > bytes.length) fail("truncated DER content");
    this.offset = pos + length;
    return bytes.subarray(pos, pos + length);
  }

  readInteger(): bigint {
    const content = this.read(DER_TAG.integer);
    if (content.length === 0) fail("empty INTEGER");
    if (content[0] & 0x80) fail("negative INTEGER");
    if (content.length > 1 && content[0] === 0 && !(content[1] & 0x80)) fail("non-minimal INTEGER");
    let value = 0n;
    for (const byte of content) value = (value << 8n) | BigInt(byte);
    return value;
  }

  end(): void {
    if (!this.isDone) fail("trailing bytes after DER value");
  }
}

/** Dotted form of an OBJECT IDENTIFIER's content octets (minimal base-128 arcs; anything else is refused). */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0) fail("empty OBJECT IDENTIFIER");
  const arcs: bigint[] = [];
  let value = 0n;
  let started = false;
  for (const byte of content) {
    if (!started && byte === 0x80) fail("non-minimal OBJECT IDENTIFIER arc");
    started = true;
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0n;
      started = false;
    }
  }
  if (started) fail("truncated OBJECT IDENTIFIER");
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join(".");
}
