import type { Tx } from "@/lib/db/client";
import { forgetIssuingCa, issuingCaOf, type IssuingCa } from "@/lib/server/ca/load-issuing-ca";

/**
 * Inside an issuing transaction: the issuing CA to sign under. That is `loaded` (the process cache)
 * while its row is still the active issuing CA under the active root, as ensureCaHierarchy reads
 * them; else the current one, read through `tx`, and the cache is dropped. Both rows are locked FOR
 * SHARE, so retiring either waits for this issuance to commit and the next issuance sees the new
 * CA: no certificate is ever stored under a retired CA. One indexed query in the common case.
 * Undefined when there is no active issuing CA: the caller decides (create one, or refuse).
 */
export async function confirmIssuingCa(tx: Tx, loaded: IssuingCa): Promise<IssuingCa | undefined> {
  const [current] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT i.id FROM "CertificateAuthority" i JOIN "CertificateAuthority" r ON r.id = i."parentId"
    WHERE i.kind = 'ISSUING' AND i.active AND r.id = (
      SELECT id FROM "CertificateAuthority" WHERE kind = 'ROOT' AND active ORDER BY "createdAt" DESC LIMIT 1
    )
    ORDER BY i."createdAt" DESC LIMIT 1
    FOR SHARE`;
  if (current?.id === loaded.ca.id) return loaded;
  forgetIssuingCa();
  if (!current) return undefined;
  return issuingCaOf(await tx.certificateAuthority.findUniqueOrThrow({ where: { id: current.id } }), tx);
}
