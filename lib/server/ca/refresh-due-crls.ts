import { db } from "@/lib/db/client";
import { CA_PROFILE, crlDueAt } from "@/lib/server/ca/ca-profile";
import { generateCrl, type GeneratedCrl } from "@/lib/server/ca/generate-crl";
import { isOfflineKeyRef } from "@/lib/server/ca/offline-root/offline-key-ref";

/**
 * Publishes a new CRL for every CA whose latest one has less than a quarter of its lifetime left
 * (or that has none), so relying parties never hold an expired CRL. Driven entirely by the Crl
 * table: whichever instance runs it sees the same due list.
 *
 * A CA whose key is offline (the root) is left alone: the desk holds no key to sign with. Within
 * a week of its due date (and after it) every run warns, naming the command that signs it.
 */
export async function refreshDueCrls(input: { now?: Date } = {}): Promise<GeneratedCrl[]> {
  const now = input.now ?? new Date();
  const cas = await db.certificateAuthority.findMany({
    where: { kind: { in: ["ROOT", "ISSUING"] }, notAfter: { gt: now } },
    select: { id: true, kind: true, keyRef: true, crls: { orderBy: { number: "desc" }, take: 1, select: { nextUpdate: true } } },
  });
  const generated: GeneratedCrl[] = [];
  for (const ca of cas) {
    const kind = ca.kind as "ROOT" | "ISSUING";
    const latest = ca.crls[0];
    const dueAt = latest ? crlDueAt(kind, latest.nextUpdate) : now;
    if (isOfflineKeyRef(ca.keyRef)) {
      if (dueAt.getTime() - now.getTime() <= CA_PROFILE.crl.offlineRootWarnMs) {
        const expiry = latest ? `its current CRL expires ${latest.nextUpdate.toISOString()}` : "it has no CRL";
        console.warn(`[certs] the offline ${kind} CA ${ca.id} needs a new CRL by ${dueAt.toISOString()} (${expiry}): run npm run ca -- root crl --root-key FILE`);
      }
      continue;
    }
    if (dueAt.getTime() <= now.getTime()) generated.push(await generateCrl({ caId: ca.id, now }));
  }
  return generated;
}
