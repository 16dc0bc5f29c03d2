import { db } from "@/lib/db/client";
import { LIVE_SEAL_STATUSES } from "@/lib/server/seals/void-seals";

/**
 * The seals a change will void (shown to the holder before submitting): every live seal bound to the
 * certificate's pair. They are voided by the revocation at issuance (revokePair → voidSealsOfCertificates,
 * reason certificate_superseded, flagged for re-application).
 */
export async function voidableSealsOf({ certificateId, orderId }: { certificateId: string; orderId: string | null }) {
  const pair = orderId ? await db.certificate.findMany({ where: { orderId }, select: { id: true } }) : [{ id: certificateId }];
  return db.seal.findMany({
    where: { certificateId: { in: pair.map((c) => c.id) }, status: { in: [...LIVE_SEAL_STATUSES] } },
    select: { id: true, name: true, kind: true, status: true },
    orderBy: { createdAt: "asc" },
  });
}
