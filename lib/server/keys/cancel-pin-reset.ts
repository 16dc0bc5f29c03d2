import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { safeEqual } from "@/lib/db/keyed-hash";
import { findKeyGroup } from "@/lib/server/keys/find-key-group";
import { openPinSecret, sealPinSecret } from "@/lib/server/keys/pin-secret";
import { cancelTokenHash, groupOfCancelToken, type PendingReset } from "@/lib/server/keys/pin-reset-cooling-off";

type Row = { id: string; status: string; pinVerifier: string | null };

/**
 * The link in the PIN-reset notice, opened without a login: the token is the credential. In one
 * transaction, the group's rows locked in id order, every share whose pending rotation is the reset
 * this token was made for drops it: the current PIN, W and d2 stay, the new PIN never works. One
 * use: of racing cancels one finds the reset, the others answer `gone`, as does an unknown, used
 * or already confirmed link.
 */
export async function cancelPinReset({ token, ip }: { token: string; ip?: string }): Promise<{ cancelled: true }> {
  const groupId = groupOfCancelToken(token);
  const gone = () => new AppError("gone", { userMessage: "phone.pinReset.cancelGone" });
  if (!groupId) throw gone();
  const first = await db.keyShare.findUnique({ where: { id: groupId }, select: { userId: true } });
  if (!first) throw gone();
  const { shareIds } = await findKeyGroup({ userId: first.userId, keyShareId: groupId });
  const hash = cancelTokenHash(token);
  const cancelled = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT id, status, "pinVerifier" FROM "KeyShare" WHERE id = ANY(${shareIds}) ORDER BY id FOR UPDATE`;
    const done: string[] = [];
    for (const r of rows) {
      if (r.status === "DESTROYED" || !r.pinVerifier) continue;
      const secret = openPinSecret(r.id, r.pinVerifier);
      const pending = secret.pending as PendingReset | undefined;
      if (!pending?.cancelHash || !safeEqual(pending.cancelHash, hash)) continue;
      await tx.keyShare.update({ where: { id: r.id }, data: { pinVerifier: sealPinSecret(r.id, { verifier: secret.verifier, wrapKey: secret.wrapKey }) } });
      done.push(r.id);
    }
    if (done.length === 0) return null;
    await writeAudit(tx, { actorId: null, action: "key.pin_reset_cancelled", targetType: "KeyShare", targetId: groupId, data: { group: done }, ip });
    return done;
  });
  if (!cancelled) throw gone();
  return { cancelled: true };
}
