import type * as pkijs from "pkijs";
import { parseCertificate } from "@/lib/pki/x509/certificate-input";

// Certificates parsed once per process, keyed by the DER bytes they were read from: the issuing
// CA's certificate is parsed for every CMS whose path is checked against it, a holder's for every
// login it verifies. Parsing with pkijs costs about a millisecond; a lookup costs a string key of
// the bytes. Bounded (least recently used out first). The objects are shared: read them, never
// change them.
const MAX_ENTRIES = 256;
const parsed = new Map<string, pkijs.Certificate>();

export function parsedCertificate(der: Uint8Array): pkijs.Certificate {
  const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString("latin1");
  let certificate = parsed.get(key);
  if (certificate) {
    parsed.delete(key); // re-inserted below: most recently used last
  } else {
    certificate = parseCertificate(der);
    if (parsed.size >= MAX_ENTRIES) parsed.delete(parsed.keys().next().value!);
  }
  parsed.set(key, certificate);
  return certificate;
}
