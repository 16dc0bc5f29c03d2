import { openSecret, sealSecret } from "@/lib/db/seal";

// A decrypt request's result is the bid's plaintext key: at rest it is sealed under the KEK (bound
// to its request), and it is wiped a day after completion, once the platform has had it by polling,
// events and every webhook retry.
export const PLAINTEXT_KEEP_MS = 24 * 3600_000;

const aad = (scanRequestId: string) => `scan-plaintext:${scanRequestId}`;

/** What is stored for a completed decrypt: the result with its plaintext sealed. */
export function sealScanPlaintext<R extends object>(scanRequestId: string, result: R): R | (Omit<R, "plaintext"> & { plaintextSealed: string }) {
  const { plaintext, ...rest } = result as R & { plaintext?: unknown };
  if (typeof plaintext !== "string") return result;
  return { ...rest, plaintextSealed: sealSecret(Buffer.from(plaintext, "base64"), aad(scanRequestId)) };
}

/** What the platform reads: the plaintext opened again, or null with plaintextWiped once it is gone. */
export function openScanPlaintext(scanRequestId: string, stored: Record<string, unknown>): Record<string, unknown> {
  const { plaintextSealed, plaintextWiped, ...rest } = stored;
  if (typeof plaintextSealed === "string") return { ...rest, plaintext: Buffer.from(openSecret(plaintextSealed, aad(scanRequestId))).toString("base64") };
  if (plaintextWiped) return { ...rest, plaintext: null, plaintextWiped: true };
  return stored;
}
