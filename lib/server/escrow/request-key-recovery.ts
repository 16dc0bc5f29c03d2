import { AppError } from "@/lib/errors";
import { hexToBytes } from "@/lib/pki/encoding";
import { isValidPublicKey } from "@/lib/pki/sm2";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db, type Tx } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { OPEN_RECOVERY_STATUSES, ZRequestKeyRecoverySchema } from "./key-recovery.types";

/**
 * 密钥恢复, step 1, from the holder's new phone: asks for the escrowed encryption share of one of
 * the caller's keys to be recovered to this phone's transport key. Only an escrowed share (an
 * encryption key; signing keys never are) whose certificate is valid; at most one open recovery per
 * share, checked with the share's row locked so parallel requests make one. It waits for a CA
 * operator's approval (decideKeyRecovery), then for the key-management centre (deliverKeyRecoveries).
 */
export async function requestKeyRecovery({ userId, keyShareId, input, ip }: { userId: string; keyShareId: string; input: unknown; ip?: string }) {
  const { transportPublicKey } = ZRequestKeyRecoverySchema.parse(input);
  if (!isValidPublicKey(hexToBytes(transportPublicKey))) throw new AppError("validation_failed", { fields: { transportPublicKey: ["phone.errors.transportKey"] } });
  await consumeRateLimit(db, `key-recovery:user:${userId}`, [{ seconds: 24 * 3600, max: 5 }]);
  return db.$transaction((tx) => openKeyRecovery(tx, { userId, keyShareId, transportPublicKey, ip }));
}

/**
 * The request itself, in the caller's transaction (a reissue opens its recovery together with its
 * order): the share's row locked, escrowed, its certificate valid, no other open recovery.
 */
export async function openKeyRecovery(tx: Tx, { userId, keyShareId, transportPublicKey, ip }: { userId: string; keyShareId: string; transportPublicKey: string; ip?: string }) {
  const [share] = await tx.$queryRaw<Array<{ id: string; status: string }>>`
    SELECT id, status FROM "KeyShare" WHERE id = ${keyShareId} AND "userId" = ${userId} FOR UPDATE`;
  if (!share || share.status === "DESTROYED") throw new AppError("not_found");
  const escrow = await tx.keyEscrow.findUnique({ where: { keyShareId }, select: { keyShareId: true } });
  if (!escrow) throw new AppError("conflict", { userMessage: "phone.errors.notEscrowed" });
  const now = new Date();
  const valid = await tx.certificate.count({ where: { keyShareId, usage: "ENCRYPT", status: "VALID", notAfter: { gt: now } } });
  if (valid === 0) throw new AppError("gone", { userMessage: "errors.certificateNotValid" });
  const open = await tx.keyRecovery.count({ where: { keyShareId, status: { in: [...OPEN_RECOVERY_STATUSES] } } });
  if (open > 0) throw new AppError("conflict", { userMessage: "phone.errors.recoveryOpen" });
  const recovery = await tx.keyRecovery.create({ data: { keyShareId, userId, transportPublicKey }, select: { id: true, status: true, createdAt: true } });
  await writeAudit(tx, { actorId: userId, action: "key.recovery_requested", targetType: "KeyRecovery", targetId: recovery.id, data: { keyShareId }, ip });
  return recovery;
}
