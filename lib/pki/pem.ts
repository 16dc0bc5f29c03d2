// PEM armour without Buffer, so the phone app can import and export keys the same way as Node.
import { PkiError } from "./errors";

export function derToPem(der: Uint8Array, label: string): string {
  let binary = "";
  for (const byte of der) binary += String.fromCharCode(byte);
  const body = btoa(binary).replace(/.{1,64}/g, "$&\n");
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/** Decodes the first PEM block (optionally requiring its label). */
export function pemToDer(pem: string, label?: string): Uint8Array {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!match || (label !== undefined && match[1] !== label)) {
    throw new PkiError("invalid_der", `no PEM block${label ? ` labelled ${label}` : ""}`);
  }
  const binary = atob(match[2].replace(/\s+/g, ""));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
