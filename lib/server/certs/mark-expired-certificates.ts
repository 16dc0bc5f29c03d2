import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/**
 * VALID → EXPIRED for certificates past notAfter, each with an audit row. REVOKED ones stay
 * REVOKED: that is the stronger fact, and they stay on the CRL. Returns how many changed.
 */
export async function markExpiredCertificates(input: { now?: Date; batch?: number } = {}): Promise<number> {
  const now = input.now ?? new Date();
  const batch = input.batch ?? 500;
  let total = 0;
  for (;;) {
    const changed = await db.$transaction(async (tx) => {
      // SKIP LOCKED: two instances running maintenance split the work instead of colliding.
      const rows = await tx.$queryRaw<Array<{ id: string; serialHex: string }>>`
        SELECT id, "serialHex" FROM "Certificate"
        WHERE status = 'VALID' AND "notAfter" < ${now}
        ORDER BY "notAfter" LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      await tx.certificate.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { status: "EXPIRED" } });
      for (const row of rows) {
        await writeAudit(tx, { action: "certificate.expired", targetType: "Certificate", targetId: row.id, data: { serialHex: row.serialHex } });
      }
      return rows.length;
    });
    total += changed;
    if (changed < batch) return total;
  }
}
