import { z } from "zod";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { keyShareAad } from "@/lib/server/keys/key-share-aad";
import { db } from "@/lib/db/client";
import { followShareRefresh } from "@/lib/server/escrow/follow-share-refresh";
import { openSecret, sealSecret } from "@/lib/db/seal";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { ZPinSchema } from "@/lib/server/keys/keys.types";
import { openPinSecret, pinMatches, sealPinSecret } from "@/lib/server/keys/pin-secret";
import { formatResetTime, type PendingReset } from "@/lib/server/keys/pin-reset-cooling-off";
import { PIN_MAX_FAILURES, pinFailureError, recordPinFailure } from "@/lib/server/keys/record-pin-failure";

const ZConfirmRotationSchema = z.object({ pin: ZPinSchema });

type Row = {
  id: string;
  userId: string;
  status: "ACTIVE" | "LOCKED" | "DESTROYED";
  pinFailures: number;
  publicKey: string;
  wrappedShare: string;
  pinVerifier: string | null;
};

/**
 * Phase two of a W rotation: the phone has stored d1·ρ under W' and proves the PIN of the pending
 * rotation. In one transaction, the group's rows locked in id order (as verifyPin does), every
 * share's pending {verifier', W', d2'} becomes current and is audited once. Idempotent: when
 * nothing is pending (a second, racing confirm, or a retry after a lost answer) and the PIN is the
 * current one, it answers `rotated: false` and changes nothing; a PIN that matches the current
 * secret but not the pending one also leaves the rotation pending. Any other PIN counts as a wrong
 * try for the group, like verifyPin, and the fifth locks it. A PIN reset's rotation is refused
 * (not counted as a wrong try) until its cooling-off ends (PIN_RESET_COOLING_OFF_MS). Each promoted
 * escrowed share's factor follows the refresh (followShareRefresh); the rotation that installs a
 * recovered share on a new phone promotes that share alone and completes its recovery.
 */
export async function confirmPinRotation({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const { pin } = ZConfirmRotationSchema.parse(input);
  const { shareIds } = await findKeyGroup({ userId, keyShareId });
  const outcome = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT id, "userId", status, "pinFailures", "publicKey", "wrappedShare", "pinVerifier" FROM "KeyShare"
      WHERE id = ANY(${shareIds}) ORDER BY id FOR UPDATE`;
    const row = rows.find((r) => r.id === keyShareId);
    if (!row || row.status === "DESTROYED") throw new AppError("not_found");
    if (!row.pinVerifier) throw new AppError("conflict", { userMessage: "phone.errors.noPin" });
    const secret = openPinSecret(row.id, row.pinVerifier);
    // Installing a recovered encryption share (new phone) concerns that share alone: it stays
    // LOCKED against the lost phone until this confirm, which counts its own wrong tries.
    const recovering = Boolean(secret.pending?.recoveryId);
    const scope = recovering ? [row] : rows;
    const isLocked = recovering ? row.pinFailures >= PIN_MAX_FAILURES : rows.some((r) => r.status === "LOCKED");
    if (isLocked) throw new AppError("locked", { userMessage: "phone.errors.keyLocked" });
    if (secret.pending && (await pinMatches(secret.pending, pin))) {
      const notBefore = (secret.pending as PendingReset).notBefore;
      if (notBefore && Date.parse(notBefore) > Date.now()) {
        return { ok: "cooling" as const, at: formatResetTime(new Date(notBefore)) };
      }
      const promoted: string[] = [];
      for (const r of scope) {
        if (r.status === "DESTROYED" || !r.pinVerifier) continue;
        const { pending } = openPinSecret(r.id, r.pinVerifier);
        if (!pending) continue;
        const aad = keyShareAad({ userId: r.userId, publicKeyHex: r.publicKey });
        const d2 = Buffer.from(pending.d2, "hex");
        const wrappedShare = sealSecret(d2, aad);
        // An escrowed encryption share: R follows the refresh, so the escrow still recovers d1.
        const d2Before = openSecret(r.wrappedShare, aad);
        try {
          await followShareRefresh(tx, { keyShareId: r.id, d2: d2Before, d2Next: d2, recoveryId: pending.recoveryId, actorId: userId, ip });
        } finally {
          d2Before.fill(0);
          d2.fill(0);
        }
        await tx.keyShare.update({
          where: { id: r.id },
          data: {
            pinVerifier: sealPinSecret(r.id, { verifier: pending.verifier, wrapKey: pending.wrapKey }),
            wrappedShare,
            pinFailures: 0,
            ...(pending.recoveryId ? { status: "ACTIVE" as const, lockedAt: null } : {}),
          },
        });
        promoted.push(r.id);
      }
      await writeAudit(tx, { actorId: userId, action: "key.rotated", targetType: "KeyShare", targetId: keyShareId, data: { group: promoted }, ip });
      return { ok: true as const, rotated: true, group: promoted };
    }
    if (!recovering && (await pinMatches(secret, pin))) return { ok: true as const, rotated: false, group: shareIds };
    return recordPinFailure(tx, { rows: scope, shareIds: scope.map((r) => r.id), userId, keyShareId, ip });
  });
  if (outcome.ok === "cooling") throw new AppError("conflict", { userMessage: "phone.errors.resetCoolingOff", params: { at: outcome.at } });
  if (outcome.ok) return { rotated: outcome.rotated, group: outcome.group };
  throw pinFailureError(outcome);
}
