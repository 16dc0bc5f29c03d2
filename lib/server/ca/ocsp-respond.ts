import { PkiError } from "@/lib/pki/errors";
import { truncateToSeconds } from "@/lib/pki/asn1/time";
import { base64Decode } from "@/lib/pki/asn1/base64";
import { revocationReasonFromCode } from "@/lib/pki/crl/revocation-reason";
import { buildOcspErrorResponse } from "@/lib/pki/ocsp/build-ocsp-error-response";
import { buildOcspResponse } from "@/lib/pki/ocsp/build-ocsp-response";
import { certIdMatchesIssuer } from "@/lib/pki/ocsp/cert-id";
import { parseOcspRequest, type ParsedOcspRequest } from "@/lib/pki/ocsp/parse-ocsp-request";
import type { TCertStatus } from "@/lib/pki/ocsp/ocsp.types";
import { db } from "@/lib/db/client";
import { CA_PROFILE, addMs } from "@/lib/server/ca/ca-profile";
import { findOcspStatus, type OcspStatusRow } from "@/lib/server/ca/find-ocsp-status";
import { ocspAnswerMemo } from "@/lib/server/ca/ocsp-answer-memo";
import { loadOcspResponder, type OcspIssuer } from "@/lib/server/ca/load-ocsp-responder";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { readSimpleOcspRequest } from "@/lib/server/ca/read-simple-ocsp-request";

export interface OcspAnswer {
  /** An OCSPResponse (DER): signed, or an unsigned error status. */
  der: Uint8Array;
  source: "cache" | "signed" | "error";
  /** Set when the answer may be cached by HTTP caches (no nonce): its validity window. */
  thisUpdate?: Date;
  nextUpdate?: Date;
}

const errorAnswer = (status: "malformedRequest" | "unauthorized" | "internalError"): OcspAnswer => ({
  der: buildOcspErrorResponse(status),
  source: "error",
});

function isFresh(row: OcspStatusRow | undefined, issuer: OcspIssuer, now: Date): row is OcspStatusRow & { cacheDer: Uint8Array; cacheThisUpdate: Date; cacheNextUpdate: Date } {
  return Boolean(
    row && row.caId === issuer.caId && row.cacheDer && row.cacheThisUpdate && row.cacheNextUpdate &&
      row.cacheNextUpdate.getTime() - now.getTime() > CA_PROFILE.ocsp.refreshBeforeMs,
  );
}

/** `known` carries the row already fetched for a one-certificate request (possibly none). */
async function statusOf(serialHex: string, issuer: OcspIssuer, known?: { row?: OcspStatusRow }): Promise<TCertStatus> {
  const row = known ? known.row : await findOcspStatus(serialHex);
  if (row && row.caId === issuer.caId) {
    if (row.status !== "REVOKED") return { status: "good" };
    const reason = row.revocationReason === null ? undefined : revocationReasonFromCode(row.revocationReason);
    return { status: "revoked", revokedAt: row.revokedAt ?? new Date(0), ...(reason && reason !== "unspecified" ? { reason } : {}) };
  }
  // The CA's own non-CA certificates (the delegated responders) are not Certificate rows.
  const ca = await db.certificateAuthority.findFirst({ where: { serialHex, parentId: issuer.caId }, select: { id: true } });
  return ca ? { status: "good" } : { status: "unknown" };
}

// Stores the answer only if the certificate still has the status it was signed for. FOR SHARE
// orders this against a revocation (which updates the row, then deletes the cache entry): either
// the revocation waits and deletes what we wrote, or we wait and find the new status.
async function storeInCache(row: OcspStatusRow, der: Uint8Array, thisUpdate: Date, nextUpdate: Date) {
  await db.$executeRaw`
    INSERT INTO "OcspCache" ("certificateId", der, "thisUpdate", "nextUpdate")
    SELECT id, ${der}, ${thisUpdate}, ${nextUpdate} FROM "Certificate"
    WHERE id = ${row.id} AND status::text = ${row.status}
    FOR SHARE
    ON CONFLICT ("certificateId") DO UPDATE SET der = EXCLUDED.der, "thisUpdate" = EXCLUDED."thisUpdate", "nextUpdate" = EXCLUDED."nextUpdate"`;
}

function findIssuer(parsed: ParsedOcspRequest, issuers: OcspIssuer[]): OcspIssuer | undefined {
  const [id] = parsed.ids;
  const [certId] = parsed.certIds;
  return issuers.find((i) =>
    id.hashAlgorithm === "SHA-1"
      ? i.sha1NameHashHex === id.issuerNameHashHex && i.sha1KeyHashHex === id.issuerKeyHashHex
      : certIdMatchesIssuer(certId, i.certificate),
  );
}

function requestDer(request: { der: Uint8Array } | { getPath: string }): Uint8Array {
  if ("der" in request) return request.der;
  let text: string;
  try {
    text = decodeURIComponent(request.getPath.replace(/^\/+/, ""));
  } catch {
    throw new PkiError("invalid_der", "OCSP GET path is not valid percent-encoding");
  }
  return base64Decode(text);
}

/**
 * The issuers, after replacing the active CA's delegated responder when it is due: the maintenance
 * job normally does that first; if it has not run, the first answer does (ensureCaHierarchy takes
 * the hierarchy lock and re-reads, so instances answering at once make one new responder). A
 * failure leaves the current responder (still valid, or the CA itself) answering.
 */
let rotationRetryAt = 0;

async function loadIssuersRotatingResponder(now: Date): Promise<OcspIssuer[]> {
  const issuers = await loadOcspResponder();
  if (!issuers.some((i) => i.responderRenewAt && i.responderRenewAt <= now)) return issuers;
  // After a failure, answers go on with what there is and try again a minute later (not on every request).
  if (Date.now() < rotationRetryAt) return issuers;
  try {
    await ensureCaHierarchy({ now });
  } catch (error) {
    rotationRetryAt = Date.now() + 60_000;
    console.error("[ocsp] responder rotation failed:", error instanceof Error ? error.message : error);
    return issuers;
  }
  return loadOcspResponder();
}

/**
 * Answers an OCSP request (RFC 6960) for the issuing CAs. The common request (RFC 5019: one
 * certificate, SHA-1 CertID, no nonce) is recognised without pkijs and, when a fresh pre-signed
 * answer exists, served from OcspCache with one indexed query and no signing. Everything else is
 * parsed fully and signed now, echoing the nonce; nonce-free single answers then refill the cache.
 * Cached answers are re-signed within CA_PROFILE.ocsp.refreshBeforeMs of their nextUpdate and
 * dropped by revokeCertificate; ocsp-answer-memo.ts spares the query for repeated requests.
 */
export async function respondOcsp(input: { request: { der: Uint8Array } | { getPath: string }; now?: Date }): Promise<OcspAnswer> {
  const now = truncateToSeconds(input.now ?? new Date());
  let der: Uint8Array;
  try {
    der = requestDer(input.request);
  } catch (error) {
    if (error instanceof PkiError) return errorAnswer("malformedRequest");
    throw error;
  }
  try {
    const issuers = await loadIssuersRotatingResponder(now);
    const simple = readSimpleOcspRequest(der);
    const simpleIssuer = simple && issuers.find((i) => i.sha1NameHashHex === simple.issuerNameHashHex && i.sha1KeyHashHex === simple.issuerKeyHashHex);
    const memoKey = simpleIssuer ? `${simpleIssuer.caId}:${simple.serialHex}` : undefined;
    const memo = memoKey ? ocspAnswerMemo.get(memoKey, Date.now()) : undefined;
    if (memo) return { ...memo, source: "cache" };
    const early = simpleIssuer ? { row: await findOcspStatus(simple.serialHex) } : undefined;
    if (memoKey && simpleIssuer && isFresh(early?.row, simpleIssuer, now)) {
      const answer = { der: early.row.cacheDer, thisUpdate: early.row.cacheThisUpdate, nextUpdate: early.row.cacheNextUpdate };
      ocspAnswerMemo.set(memoKey, answer, Date.now());
      return { ...answer, source: "cache" };
    }

    let parsed: ParsedOcspRequest;
    try {
      parsed = parseOcspRequest(der);
    } catch (error) {
      if (error instanceof PkiError) return errorAnswer("malformedRequest");
      throw error;
    }
    const issuer = findIssuer(parsed, issuers);
    if (!issuer) return errorAnswer("unauthorized");
    const isSingle = parsed.certIds.length === 1;
    const known = isSingle ? (early ?? { row: await findOcspStatus(parsed.ids[0].serialHex) }) : undefined;
    const response = await buildOcspResponse({
      request: parsed,
      issuers: [issuer.certificate],
      lookup: ({ serialHex }) => statusOf(serialHex, issuer, known),
      responder: issuer.responder,
      options: { now, validitySeconds: CA_PROFILE.ocsp.validitySeconds },
    });
    if (parsed.nonceExtension) return { der: response, source: "signed" };
    const nextUpdate = addMs(now, CA_PROFILE.ocsp.validitySeconds * 1000);
    const row = known?.row;
    const isCacheable = isSingle && parsed.ids[0].hashAlgorithm === "SHA-1" && row?.caId === issuer.caId;
    if (isCacheable && row) await storeInCache(row, response, now, nextUpdate);
    return { der: response, source: "signed", thisUpdate: now, nextUpdate };
  } catch (error) {
    console.error("[ocsp] internal error:", error instanceof Error ? error.message : error);
    return errorAnswer("internalError");
  }
}
