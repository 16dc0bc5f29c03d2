import { PkiError } from "@/lib/pki/errors";

// btoa/atob rather than Buffer: lib/pki also runs in the browser.

export function base64Encode(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Standard or URL-safe alphabet, padding optional: OCSP GET paths arrive in every variant. */
export function base64Decode(text: string): Uint8Array {
  const standard = text.replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/");
  const padded = standard.padEnd(Math.ceil(standard.length / 4) * 4, "=");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(padded)) throw new PkiError("invalid_der", "not valid base64");
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new PkiError("invalid_der", "not valid base64");
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
