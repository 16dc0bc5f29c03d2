import { serverDecrypt, type TDecryptRequest, type TDecryptResponse } from "@/lib/pki/two-party";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db, type Tx } from "@/lib/server/db/client";
import { openKeyShare } from "@/lib/server/certs/open-key-share";
import { twoPartyCall } from "@/lib/server/certs/two-party-call";

/**
 * One server half of a joint decryption (T2 = d2⁻¹·T1), PIN already checked: the share's gate, the
 * half, the caller's record (a scan request's gate) and its audit row in one transaction.
 */
export async function runDecryptHalf({
  userId,
  keyShareId,
  request,
  route,
  scanRequestId,
  ip,
  record,
}: {
  userId: string;
  keyShareId: string;
  request: TDecryptRequest;
  route: string;
  scanRequestId?: string;
  ip?: string;
  record?: (tx: Tx) => Promise<void>;
}): Promise<TDecryptResponse> {
  return db.$transaction(async (tx) => {
    const d2 = await openKeyShare(tx, { userId, keyShareId, message: request });
    let response: TDecryptResponse;
    try {
      response = twoPartyCall(() => serverDecrypt({ d2, request }).response);
    } finally {
      d2.fill(0);
    }
    await record?.(tx);
    await writeAudit(tx, {
      actorId: userId,
      action: "key.server_decrypt_half",
      targetType: "KeyShare",
      targetId: keyShareId,
      data: { route, scanRequestId: scanRequestId ?? null },
      ip,
    });
    return response;
  });
}
