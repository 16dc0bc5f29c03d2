import { translator } from "@/lib/i18n/translate";
import { applyEscrowFactor, openEscrow, sealRecoveredShare } from "@/lib/pki/escrow";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { sealSecret } from "@/lib/db/seal";
import { openEscrowSecret } from "./escrow-secret";
import { recoveryDeliveryAad } from "./key-recovery.types";

export type DeliveryOutcome = { id: string; outcome: "delivered" | "skipped" | "failed"; reason?: string };

/**
 * The key-management centre's step (`npm run kmc -- deliver`), with the KMK put together from its
 * custodians' shares and the desk's KEK: for every APPROVED recovery, opens the escrow (KEK layer,
 * then the KMK), checks it is this share (binding and P1, openEscrow), applies R to get the phone's
 * current share, encrypts it to the new phone's transport key and marks the recovery DELIVERED —
 * each in its own transaction with the recovery row locked, so two centres running at once
 * deliver each recovery once. d1 exists only in this process, for one recovery at a time.
 */
export async function deliverKeyRecoveries({
  kmk,
  limit = 100,
  userId,
}: {
  kmk: { id: string; privateKey: Uint8Array };
  limit?: number;
  /** Only this holder's recoveries (the e2e fixture); the centre's command delivers all. */
  userId?: string;
}): Promise<DeliveryOutcome[]> {
  const approved = await db.keyRecovery.findMany({ where: { status: "APPROVED", ...(userId ? { userId } : {}) }, orderBy: { createdAt: "asc" }, take: limit, select: { id: true } });
  const outcomes: DeliveryOutcome[] = [];
  for (const { id } of approved) {
    try {
      outcomes.push(await deliverOne(id, kmk));
    } catch (error) {
      outcomes.push({ id, outcome: "failed", reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}

async function deliverOne(id: string, kmk: { id: string; privateKey: Uint8Array }): Promise<DeliveryOutcome> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM "KeyRecovery" WHERE id = ${id} FOR UPDATE SKIP LOCKED`;
    if (!row || row.status !== "APPROVED") return { id, outcome: "skipped", reason: "no longer approved (delivered elsewhere?)" };
    const recovery = await tx.keyRecovery.findUniqueOrThrow({
      where: { id },
      select: {
        keyShareId: true,
        userId: true,
        transportPublicKey: true,
        user: { select: { locale: true } },
        keyShare: { select: { publicKey: true, status: true, escrow: { select: { sealed: true, kmkId: true } }, certificates: { where: { usage: "ENCRYPT" }, select: { serialHex: true }, take: 1 } } },
      },
    });
    const escrow = recovery.keyShare.escrow;
    if (!escrow || recovery.keyShare.status === "DESTROYED") return { id, outcome: "skipped", reason: "the key share or its escrow is gone" };
    if (escrow.kmkId !== kmk.id) return { id, outcome: "skipped", reason: `escrowed to key-management key ${escrow.kmkId}` };
    const secret = openEscrowSecret(recovery.keyShareId, escrow.sealed);
    const original = openEscrow(secret.envelope, kmk.privateKey);
    const d1 = applyEscrowFactor(original, secret.factor);
    original.fill(0);
    let delivery;
    try {
      delivery = sealRecoveredShare({ recoveryId: id, keyShareId: recovery.keyShareId, publicKey: recovery.keyShare.publicKey, d1, transportPublicKey: recovery.transportPublicKey });
    } finally {
      d1.fill(0);
    }
    await tx.keyRecovery.update({
      where: { id },
      data: { status: "DELIVERED", deliveredAt: new Date(), delivery: sealSecret(new TextEncoder().encode(JSON.stringify(delivery)), recoveryDeliveryAad(id)) },
    });
    await writeAudit(tx, { action: "key.recovery_delivered", targetType: "KeyRecovery", targetId: id, data: { keyShareId: recovery.keyShareId, kmkId: kmk.id } });
    const t = translator(recovery.user.locale === "en" ? "en" : "zh-CN");
    const serial = recovery.keyShare.certificates[0]?.serialHex ?? "";
    await tx.inboxMessage.create({ data: { userId: recovery.userId, title: t("phone.recovery.deliveredTitle"), body: t("phone.recovery.deliveredBody", { serial }), link: "/m/certs" } });
    return { id, outcome: "delivered" };
  });
}
