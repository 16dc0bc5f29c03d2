import { AppError } from "@/lib/errors";
import { newRefreshFactor, refreshServerShare } from "@/lib/pki/two-party/refresh-share";
import { keyShareAad } from "@/lib/server/keys/key-share-aad";
import type { Tx } from "@/lib/db/client";
import { openSecret } from "@/lib/db/seal";
import { newWrapKey, openPinSecret, sealPinSecret } from "@/lib/server/keys/pin-secret";
import type { PendingReset } from "@/lib/server/keys/pin-reset-cooling-off";

export type KeyRotation = {
  /** The current W, which opens the phone's record today. */
  wrapKey: string;
  /** W', for the refreshed share d1' = d1·ρ. */
  nextWrapKey: string;
  /** One refresh factor ρ per key share of the group. */
  refresh: Array<{ keyShareId: string; rho: string }>;
};

type Row = { id: string; userId: string; status: string; publicKey: string; wrappedShare: string; pinVerifier: string | null };

/**
 * Phase one of a W rotation and share refresh, in the caller's transaction (PIN change, reset,
 * unlock): the group's rows are locked in id order, and each live share gets a pending
 * {verifier', W', d2' = d2·ρ⁻¹} next to its current secret, replacing any earlier pending one.
 * Nothing the phone holds stops working: the current PIN, W and d2 stay until the phone has stored
 * d1' = d1·ρ under W' and confirms. `verifier` is the new PIN's verifier, or undefined to keep
 * each share's current one (an unlock). One W' for the group, as at download. `reset` (忘记PIN) marks
 * the pending rotation with the end of its cooling-off and the cancel link's hash
 * (pin-reset-cooling-off.ts): confirm refuses it before `notBefore`, the link clears it.
 * `recoveryId` marks the rotation that installs a recovered encryption share on a new phone: its
 * confirm completes the recovery.
 */
export async function stageKeyRotation(
  tx: Tx,
  {
    shareIds,
    verifier,
    reset,
    recoveryId,
  }: { shareIds: string[]; verifier?: string; reset?: { notBefore: Date; cancelHash: string }; recoveryId?: string },
): Promise<KeyRotation> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT id, "userId", status, "publicKey", "wrappedShare", "pinVerifier" FROM "KeyShare"
    WHERE id = ANY(${shareIds}) ORDER BY id FOR UPDATE`;
  const live = rows.filter((r) => r.status !== "DESTROYED" && r.wrappedShare);
  if (live.length === 0) throw new AppError("not_found");
  const nextWrapKey = newWrapKey();
  const refresh: KeyRotation["refresh"] = [];
  let wrapKey: string | null = null;
  for (const row of live) {
    if (!row.pinVerifier) throw new AppError("conflict", { userMessage: "phone.errors.noPin" });
    const current = openPinSecret(row.id, row.pinVerifier);
    wrapKey ??= current.wrapKey;
    const rho = newRefreshFactor();
    const d2 = openSecret(row.wrappedShare, keyShareAad({ userId: row.userId, publicKeyHex: row.publicKey }));
    let next: Uint8Array;
    try {
      next = refreshServerShare(d2, rho);
    } finally {
      d2.fill(0);
    }
    const pending: PendingReset = {
      verifier: verifier ?? current.verifier,
      wrapKey: nextWrapKey,
      d2: Buffer.from(next).toString("hex"),
      ...(reset ? { notBefore: reset.notBefore.toISOString(), cancelHash: reset.cancelHash } : {}),
      ...(recoveryId ? { recoveryId } : {}),
    };
    next.fill(0);
    await tx.keyShare.update({ where: { id: row.id }, data: { pinVerifier: sealPinSecret(row.id, { verifier: current.verifier, wrapKey: current.wrapKey, pending }) } });
    refresh.push({ keyShareId: row.id, rho });
  }
  return { wrapKey: wrapKey!, nextWrapKey, refresh };
}
