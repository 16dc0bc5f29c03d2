import { createHash } from "node:crypto";
import type { OcspAnswer } from "@/lib/server/ca/ocsp-respond";

/**
 * The HTTP form of an OCSP answer (RFC 5019 6): always 200 with application/ocsp-response (error
 * statuses live inside the DER). Answers without a nonce may be cached by HTTP caches until
 * nextUpdate, with the validators RFC 5019 names; nonce and error answers must not be cached.
 */
export function ocspHttpResponse(answer: OcspAnswer, now: Date = new Date()): Response {
  const headers: Record<string, string> = { "Content-Type": "application/ocsp-response", "Content-Length": String(answer.der.length) };
  if (answer.thisUpdate && answer.nextUpdate && answer.source !== "error") {
    const maxAge = Math.max(0, Math.floor((answer.nextUpdate.getTime() - now.getTime()) / 1000));
    headers["Cache-Control"] = `public, max-age=${maxAge}, no-transform, must-revalidate`;
    headers["Last-Modified"] = answer.thisUpdate.toUTCString();
    headers.Expires = answer.nextUpdate.toUTCString();
    headers.ETag = `"${createHash("sha1").update(answer.der).digest("hex")}"`;
  } else {
    headers["Cache-Control"] = "no-store";
  }
  return new Response(answer.der as Uint8Array<ArrayBuffer>, { status: 200, headers });
}
