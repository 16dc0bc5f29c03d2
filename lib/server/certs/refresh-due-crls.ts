import { db } from "@/lib/server/db/client";
import { CA_PROFILE } from "./ca-profile";
import { generateCrl, type GeneratedCrl } from "./generate-crl";

/**
 * Publishes a new CRL for every CA whose latest one has less than a quarter of its lifetime left
 * (or that has none), so relying parties never hold an expired CRL. Driven entirely by the Crl
 * table: whichever instance runs it sees the same due list.
 */
export async function refreshDueCrls(input: { now?: Date } = {}): Promise<GeneratedCrl[]> {
  const now = input.now ?? new Date();
  const cas = await db.certificateAuthority.findMany({
    where: { kind: { in: ["ROOT", "ISSUING"] }, notAfter: { gt: now } },
    select: { id: true, kind: true, crls: { orderBy: { number: "desc" }, take: 1, select: { nextUpdate: true } } },
  });
  const generated: GeneratedCrl[] = [];
  for (const ca of cas) {
    const latest = ca.crls[0];
    const lifetime = CA_PROFILE.crl.lifetimeMs[ca.kind as "ROOT" | "ISSUING"];
    const isDue = !latest || latest.nextUpdate.getTime() - now.getTime() < lifetime * CA_PROFILE.crl.refreshWhenLeft;
    if (isDue) generated.push(await generateCrl({ caId: ca.id, now }));
  }
  return generated;
}
