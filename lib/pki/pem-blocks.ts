import { base64Decode } from "@/lib/pki/asn1/base64";
import { pemToDer } from "@/lib/pki/pem";

// Additions to pem.ts for certificate files: a chain file holds several blocks, and uploads come
// as either PEM or DER.

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every PEM block in the text, in order. */
export function pemBlocks(text: string): { label: string; der: Uint8Array }[] {
  return Array.from(text.matchAll(PEM_BLOCK), (m) => ({ label: m[1], der: base64Decode(m[2]) }));
}

/** DER bytes as they are, or PEM text (as a string or as bytes) decoded. */
export function derFromPemOrDer(input: Uint8Array | string, label?: string): Uint8Array {
  if (typeof input === "string") return pemToDer(input, label);
  const head = new TextDecoder().decode(input.subarray(0, 64));
  if (head.includes("-----BEGIN")) return pemToDer(new TextDecoder().decode(input), label);
  return input;
}
