import type { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { AuditData } from "@/lib/server/audit/audit-actions";
import { db, type Tx } from "@/lib/db/client";
import { openKeyShare } from "@/lib/server/keys/open-key-share";
import { twoPartyCall } from "@/lib/server/keys/two-party-call";

export type ServerHalfInput<Req> = {
  userId: string;
  keyShareId: string;
  request: Req;
  route: string;
  scanRequestId?: string;
  ip?: string;
  /**
   * Runs first in the half's transaction (the PIN check: checkPinIn). An error it returns is thrown
   * after the transaction commits, with no half run: what the gate wrote stays (a wrong PIN is
   * counted). One transaction instead of a PIN check's and the half's.
   */
  gate?: (tx: Tx) => Promise<AppError | null>;
};

// What a half records besides the route and the scan request (each kind of half has its action).
type ServerHalfAudit =
  | { action: "key.server_half"; data: Omit<AuditData<"key.server_half">, "route" | "scanRequestId"> }
  | { action: "key.server_decrypt_half"; data: Omit<AuditData<"key.server_decrypt_half">, "route" | "scanRequestId"> };

/**
 * The one place d2 is used: in one transaction the share's gate (owner, ACTIVE, certificate valid
 * now, nonce new), the half computed with d2 (zeroed after), the caller's record of it (a scan
 * request's gate) and its audit row. Nothing is released unless all of it commits.
 */
export async function runServerHalf<Req extends { keyId: string; nonce: string }, Res>(
  { userId, keyShareId, request, route, scanRequestId, ip, gate }: ServerHalfInput<Req>,
  half: {
    compute: (d2: Uint8Array, request: Req) => Res;
    record?: (tx: Tx, response: Res) => Promise<void>;
    audit: (response: Res) => ServerHalfAudit;
  },
): Promise<Res> {
  const outcome = await db.$transaction(async (tx): Promise<{ refused: AppError } | { response: Res }> => {
    const refused = gate ? await gate(tx) : null;
    if (refused) return { refused };
    const d2 = await openKeyShare(tx, { userId, keyShareId, message: request });
    let response: Res;
    try {
      response = twoPartyCall(() => half.compute(d2, request));
    } finally {
      d2.fill(0);
    }
    await half.record?.(tx, response);
    const { action, data } = half.audit(response);
    await writeAudit(tx, { actorId: userId, action, targetType: "KeyShare", targetId: keyShareId, data: { ...data, route, scanRequestId: scanRequestId ?? null }, ip });
    return { response };
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.response;
}
