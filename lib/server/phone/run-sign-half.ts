import { serverSign, type TSignRequest, type TSignResponse } from "@/lib/pki/two-party";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db, type Tx } from "@/lib/server/db/client";
import { openKeyShare } from "@/lib/server/certs/open-key-share";
import { twoPartyCall } from "@/lib/server/certs/two-party-call";

/**
 * One server half of a joint signature, for a request whose e the caller has recomputed
 * (assertSignsMessage) and whose PIN or session it has checked. In one transaction: the share's
 * gate (owner, ACTIVE, certificate valid now, nonce new), the half, the caller's own record of it
 * (a scan request's gate: one half per request) and the audit row of the half (e, r, route).
 * Nothing is released unless all of it commits.
 */
export async function runSignHalf({
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
  request: TSignRequest;
  route: string;
  scanRequestId?: string;
  ip?: string;
  record?: (tx: Tx, half: { r: string }) => Promise<void>;
}): Promise<TSignResponse> {
  return db.$transaction(async (tx) => {
    const d2 = await openKeyShare(tx, { userId, keyShareId, message: request });
    let response: TSignResponse;
    try {
      response = twoPartyCall(() => serverSign({ d2, request }).response);
    } finally {
      d2.fill(0);
    }
    await record?.(tx, { r: response.r });
    await writeAudit(tx, {
      actorId: userId,
      action: "key.server_half",
      targetType: "KeyShare",
      targetId: keyShareId,
      data: { e: request.e, r: response.r, route, scanRequestId: scanRequestId ?? null },
      ip,
    });
    return response;
  });
}
