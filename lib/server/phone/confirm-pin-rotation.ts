import { z } from "zod";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { keyShareAad } from "@/lib/server/certs/key-share-aad";
import { db } from "@/lib/server/db/client";
import { sealSecret } from "@/lib/server/security/seal";
import { findKeyGroup } from "./find-key-group";
import { ZPinSchema } from "./phone.types";
import { openPinSecret, pinMatches, sealPinSecret } from "./pin-secret";
import { formatResetTime, type PendingReset } from "./pin-reset-cooling-off";
import { pinFailureError, recordPinFailure } from "./record-pin-failure";

const ZConfirmRotationSchema = z.object({ pin: ZPinSchema });

type Row = { id: string; userId: string; status: "ACTIVE" | "LOCKED" | "DESTROYED"; pinFailures: number; publicKey: string; pinVerifier: string | null };

/**
 * Phase two of a W rotation: the phone has stored d1·ρ under W' and proves the PIN of the pending
 * rotation. In one transaction, the group's rows locked in id order (as verifyPin does), every
 * share's pending {verifier', W', d2'} becomes current and is audited once. Idempotent: when
 * nothing is pending (a second, racing confirm, or a retry after a lost answer) and the PIN is the
 * current one, it answers `rotated: false` and changes nothing; a PIN that matches the current
 * secret but not the pending one also leaves the rotation pending. Any other PIN counts as a wrong
 * try for the group, like verifyPin, and the fifth locks it. A PIN reset's rotation is refused
 * (not counted as a wrong try) until its cooling-off ends (PIN_RESET_COOLING_OFF_MS).
 */
export async function confirmPinRotation({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const { pin } = ZConfirmRotationSchema.parse(input);
  const { shareIds } = await findKeyGroup({ userId, keyShareId });
  const outcome = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT id, "userId", status, "pinFailures", "publicKey", "pinVerifier" FROM "KeyShare"
      WHERE id = ANY(${shareIds}) ORDER BY id FOR UPDATE`;
    const row = rows.find((r) => r.id === keyShareId);
    if (!row || row.status === "DESTROYED") throw new AppError("not_found");
    if (rows.some((r) => r.status === "LOCKED")) throw new AppError("locked", { userMessage: "phone.errors.keyLocked" });
    if (!row.pinVerifier) throw new AppError("conflict", { userMessage: "phone.errors.noPin" });
    const secret = openPinSecret(row.id, row.pinVerifier);
    if (secret.pending && (await pinMatches(secret.pending, pin))) {
      const notBefore = (secret.pending as PendingReset).notBefore;
      if (notBefore && Date.parse(notBefore) > Date.now()) {
        return { ok: "cooling" as const, at: formatResetTime(new Date(notBefore)) };
      }
      const promoted: string[] = [];
      for (const r of rows) {
        if (r.status === "DESTROYED" || !r.pinVerifier) continue;
        const { pending } = openPinSecret(r.id, r.pinVerifier);
        if (!pending) continue;
        const d2 = Buffer.from(pending.d2, "hex");
        const wrappedShare = sealSecret(d2, keyShareAad({ userId: r.userId, publicKeyHex: r.publicKey }));
        d2.fill(0);
        await tx.keyShare.update({
          where: { id: r.id },
          data: { pinVerifier: sealPinSecret(r.id, { verifier: pending.verifier, wrapKey: pending.wrapKey }), wrappedShare, pinFailures: 0 },
        });
        promoted.push(r.id);
      }
      await writeAudit(tx, { actorId: userId, action: "key.rotated", targetType: "KeyShare", targetId: keyShareId, data: { group: promoted }, ip });
      return { ok: true as const, rotated: true, group: promoted };
    }
    if (await pinMatches(secret, pin)) return { ok: true as const, rotated: false, group: shareIds };
    return recordPinFailure(tx, { rows, shareIds, userId, keyShareId, ip });
  });
  if (outcome.ok === "cooling") throw new AppError("conflict", { userMessage: "phone.errors.resetCoolingOff", params: { at: outcome.at } });
  if (outcome.ok) return { rotated: outcome.rotated, group: outcome.group };
  throw pinFailureError(outcome);
}
