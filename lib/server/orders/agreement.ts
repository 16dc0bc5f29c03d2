import { createHash } from "node:crypto";

import { AGREEMENT_VERSION } from "./agreement.types";

export { AGREEMENT_VERSION };

/**
 * SHA-256 over the agreement version and the application as confirmed (canonical JSON: sorted
 * keys), so a later dispute can show exactly what was agreed.
 */
export function hashAgreement(content: unknown): string {
  return createHash("sha256").update(canonical({ version: AGREEMENT_VERSION, content })).digest("hex");
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}
