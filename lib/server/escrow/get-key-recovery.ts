import { AppError } from "@/lib/errors";
import type { TRecoveredShare } from "@/lib/pki/escrow";
import { db } from "@/lib/db/client";
import { openSecret } from "@/lib/db/seal";
import { recoveryDeliveryAad } from "./key-recovery.types";

/**
 * The caller's key recovery, as the new phone polls it: its status, the certificate it concerns,
 * and once DELIVERED the centre's delivery (encrypted to the phone's transport key; only that phone
 * can open it). Someone else's recovery is NOT_FOUND.
 */
export async function getKeyRecovery({ userId, recoveryId }: { userId: string; recoveryId: string }) {
  const row = await db.keyRecovery.findFirst({
    where: { id: recoveryId, userId },
    select: {
      id: true,
      status: true,
      reason: true,
      keyShareId: true,
      delivery: true,
      createdAt: true,
      keyShare: { select: { publicKey: true, certificates: { where: { usage: "ENCRYPT" }, select: { id: true, serialHex: true, orderId: true }, take: 1 } } },
    },
  });
  if (!row) throw new AppError("not_found");
  const certificate = row.keyShare.certificates[0] ?? null;
  const delivery =
    row.status === "DELIVERED" && row.delivery
      ? (JSON.parse(new TextDecoder().decode(openSecret(row.delivery, recoveryDeliveryAad(row.id)))) as TRecoveredShare)
      : null;
  return { id: row.id, status: row.status, reason: row.reason, keyShareId: row.keyShareId, publicKey: row.keyShare.publicKey, certificate, delivery, createdAt: row.createdAt };
}
