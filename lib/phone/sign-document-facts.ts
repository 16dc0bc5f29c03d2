import { z } from "zod";

// What the phone's signing confirmation says about the document (issue 18, friction 3): the platform's
// `document` on the sign request where it sent one, else the title only; the digest's short fingerprint always.
const ZDocument = z.object({
  fileName: z.string().min(1).max(200),
  sizeBytes: z.number().int().min(0).optional(),
  pages: z.number().int().min(1).optional(),
});

export type TSize = { unit: "bytes" | "kb" | "mb"; value: string };

export type TSignDocumentFacts = {
  title: string;
  /** null when the platform did not describe the document (an older client, the desk's own letters). */
  fileName: string | null;
  size: TSize | null;
  pages: number | null;
  /** The SM3 digest's first 8 and last 8 hex digits in groups of 4 ("66c7 f0f4 … 0f8e 7a6b"); null without a digest. */
  fingerprint: string | null;
  /** The whole digest, for a holder who compares it digit by digit. */
  digest: string | null;
};

/** 1 KB = 1024 bytes, one decimal below 10 (as a file manager shows it). */
export function documentSize(bytes: number): TSize {
  if (bytes < 1024) return { unit: "bytes", value: String(bytes) };
  const [n, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "kb" as const] : [bytes / 1024 / 1024, "mb" as const];
  return { unit, value: n < 10 ? n.toFixed(1) : String(Math.round(n)) };
}

export function shortFingerprint(hex: string): string {
  const h = hex.toLowerCase();
  const groups = (s: string) => s.match(/.{1,4}/g)!.join(" ");
  return h.length <= 16 ? groups(h) : `${groups(h.slice(0, 8))} … ${groups(h.slice(-8))}`;
}

export function signDocumentFacts(payload: Record<string, unknown>): TSignDocumentFacts {
  const document = ZDocument.safeParse(payload.document);
  const digest = typeof payload.digest === "string" && /^[0-9a-fA-F]{64}$/.test(payload.digest) ? payload.digest.toLowerCase() : null;
  return {
    title: typeof payload.title === "string" ? payload.title : "",
    fileName: document.success ? document.data.fileName : null,
    size: document.success && document.data.sizeBytes !== undefined ? documentSize(document.data.sizeBytes) : null,
    pages: document.success ? (document.data.pages ?? null) : null,
    fingerprint: digest ? shortFingerprint(digest) : null,
    digest,
  };
}
