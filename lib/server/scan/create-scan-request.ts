import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseCiphertext } from "@/lib/pki/sm2-ciphertext";
import { pointFromBytes } from "@/lib/pki/sm2-curve";
import { hexToBytes } from "@/lib/pki/encoding";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { SCAN_TYPE_TO_DB, type TCreateScanRequest } from "./scan.types";
import { newScanToken } from "./scan-token";
import { platformScanView } from "./platform-scan-view";

/**
 * A sign request naming a signing session (会话签章) must name one of this platform's sessions
 * that is still open: an id that is unknown or another platform's is a validation error (the two
 * are not told apart), an ended or expired session is `gone` (start an ordinary request: the
 * holder scans again). Never silently an ordinary QR request.
 */
async function assertSessionUsable({ platformId, sessionId }: { platformId: string; sessionId: string }) {
  const session = await db.scanSession.findFirst({ where: { id: sessionId, platformId }, select: { endedAt: true, expiresAt: true } });
  if (!session) throw new AppError("validation_failed", { userMessage: "scan.errors.sessionUnknown", fields: { sessionId: ["scan.errors.sessionUnknown"] } });
  if (session.endedAt || session.expiresAt <= new Date()) throw new AppError("gone", { userMessage: "scan.errors.sessionEnded", fields: { sessionId: ["scan.errors.sessionEnded"] } });
}

/**
 * A decrypt request's ciphertext must be an SM2 ciphertext the phone can start on: GM/T 0009 DER
 * (SEQUENCE of x, y, C3, C2, as OpenSSL writes it) or raw C1C3C2 (0x04 || x || y || C3 || C2), with
 * C1 on the curve. Anything else is refused now (422), not after the holder has scanned.
 */
function assertCiphertext(ciphertext: string) {
  try {
    parseCiphertext(new Uint8Array(Buffer.from(ciphertext.replace(/-/g, "+").replace(/_/g, "/"), "base64")));
  } catch {
    throw new AppError("validation_failed", { userMessage: "scan.errors.ciphertextInvalid", fields: { ciphertext: ["scan.errors.ciphertextInvalid"] } });
  }
}

/** resultEncryptionKey must be a point on the SM2 curve (the result is encrypted to it). */
function assertPublicKey(hex: string) {
  try {
    pointFromBytes(hexToBytes(hex));
  } catch {
    throw new AppError("validation_failed", { userMessage: "scan.errors.publicKeyFormat", fields: { resultEncryptionKey: ["scan.errors.publicKeyFormat"] } });
  }
}

/**
 * A platform asks a certificate holder to log in, sign, decrypt or share subject data by scanning a QR.
 * A request nobody finished ends EXPIRED in the database by the worker's sweep
 * (expireDueScanRequests), and the platform's webhook reports it.
 */
export async function createScanRequest({ platformId, input }: { platformId: string; input: TCreateScanRequest }) {
  if (input.type === "sign" && input.sessionId) await assertSessionUsable({ platformId, sessionId: input.sessionId });
  if (input.type === "decrypt") {
    assertCiphertext(input.ciphertext);
    if (input.resultEncryptionKey) assertPublicKey(input.resultEncryptionKey);
  }
  const { type, clientRef, expiresIn, ...payload } = input;
  const { tokenHash, tokenSealed, qrContent } = newScanToken();
  const expiresAt = new Date(Date.now() + expiresIn * 1000);
  // The limit counts requests created: its hit is taken first in the creating transaction (one
  // transaction instead of two), so a refused request (422, 410) costs none.
  const row = await db.$transaction(async (tx) => {
    await consumeRateLimit(tx, `scan:platform:${platformId}`, [{ seconds: 60, max: env().SCAN_PLATFORM_PER_MINUTE }]);
    const created = await tx.scanRequest.create({
      data: { platformId, type: SCAN_TYPE_TO_DB[type], tokenHash, tokenSealed, clientRef, payload, expiresAt, targetSessionId: input.type === "sign" ? (input.sessionId ?? null) : null },
    });
    return created;
  });
  return { ...platformScanView(row), qrContent };
}
