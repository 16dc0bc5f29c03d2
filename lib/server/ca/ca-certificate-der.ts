import { db } from "@/lib/db/client";

// A CA row's certificate never changes once committed (create-ca.ts writes it in the transaction
// that creates the row; a new CA is a new row), so the DER read for a CA id is the DER for good:
// a cache keyed by what it was read from, nothing to share between instances. Bounded all the same.
const MAX = 64;
const cache = new Map<string, Promise<Uint8Array>>();

/** The certificate (DER) of the CA row `caId`: the issuer of a certificate, for a path check. */
export function caCertificateDer(caId: string): Promise<Uint8Array> {
  let hit = cache.get(caId);
  if (!hit) {
    hit = db.certificateAuthority.findUniqueOrThrow({ where: { id: caId }, select: { certDer: true } }).then((r) => r.certDer);
    const value = hit;
    value.catch(() => {
      if (cache.get(caId) === value) cache.delete(caId);
    });
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    cache.set(caId, value);
  }
  return hit;
}
