import { advanceEscrowFactor } from "@/lib/pki/escrow";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { openEscrowSecret, sealEscrowSecret } from "./escrow-secret";

/**
 * At the confirm of a share refresh (d2 → d2′), in its transaction: an escrowed share's factor R
 * becomes R·d2·d2′⁻¹, so escrow + R keep yielding the phone's current share; and if the refresh
 * installed a recovered share (`recoveryId`), that recovery is INSTALLED and its delivery wiped —
 * from now on the lost phone's copy pairs with nothing.
 */
export async function followShareRefresh(
  tx: Tx,
  input: { keyShareId: string; d2: Uint8Array; d2Next: Uint8Array; recoveryId?: string; actorId: string; ip?: string },
) {
  const escrow = await tx.keyEscrow.findUnique({ where: { keyShareId: input.keyShareId }, select: { sealed: true } });
  if (escrow) {
    const secret = openEscrowSecret(input.keyShareId, escrow.sealed);
    const factor = advanceEscrowFactor(secret.factor, input.d2, input.d2Next);
    await tx.keyEscrow.update({ where: { keyShareId: input.keyShareId }, data: { sealed: sealEscrowSecret(input.keyShareId, { ...secret, factor }) } });
  }
  if (input.recoveryId) {
    const done = await tx.keyRecovery.updateMany({
      where: { id: input.recoveryId, keyShareId: input.keyShareId, status: "DELIVERED" },
      data: { status: "INSTALLED", installedAt: new Date(), delivery: null },
    });
    if (done.count === 1) {
      await writeAudit(tx, { actorId: input.actorId, action: "key.recovery_installed", targetType: "KeyRecovery", targetId: input.recoveryId, data: { keyShareId: input.keyShareId }, ip: input.ip });
    }
  }
}
