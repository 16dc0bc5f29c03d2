import { db } from "@/lib/db/client";
import { readReissueDraft } from "./reissue-draft";

/** The caller's newest REISSUE order for a certificate pair that is not finished (for the phone's 找回 page), or null. */
export async function reissueFindOpen({ userId, certificateId }: { userId: string; certificateId: string }) {
  const orders = await db.order.findMany({
    where: { userId, kind: "REISSUE", status: { in: ["DRAFT", "IN_REVIEW", "APPROVED", "REJECTED"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, draft: true },
    take: 20,
  });
  const hit = orders.find((o) => {
    const r = readReissueDraft(o.draft).reissue;
    return r?.certificateId === certificateId || r?.encryptCertificateId === certificateId;
  });
  return hit ? { id: hit.id, status: hit.status } : null;
}
