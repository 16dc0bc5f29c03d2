import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { SCAN_TYPE_TO_DB, type TCreateScanRequest } from "./scan.types";
import { newScanToken } from "./scan-token";
import { platformScanView } from "./platform-scan-view";

/** A platform asks a certificate holder to log in, sign, decrypt or share subject data by scanning a QR. */
export async function createScanRequest({ platformId, input }: { platformId: string; input: TCreateScanRequest }) {
  await consumeRateLimit(db, `scan:platform:${platformId}`, [{ seconds: 60, max: env().SCAN_PLATFORM_PER_MINUTE }]);
  const { type, clientRef, expiresIn, ...payload } = input;
  const { tokenHash, qrContent } = newScanToken();
  const row = await db.scanRequest.create({
    data: {
      platformId,
      type: SCAN_TYPE_TO_DB[type],
      tokenHash,
      clientRef,
      payload,
      expiresAt: new Date(Date.now() + expiresIn * 1000),
    },
  });
  return { ...platformScanView(row), qrContent };
}
