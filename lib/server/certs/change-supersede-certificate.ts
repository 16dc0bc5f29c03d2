import type { Order } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { changeRows } from "@/lib/server/orders/change-diff";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { revokePair } from "./revoke-pair";

/**
 * 证书变更 at issuance, in the download's transaction (the one that makes the new pair the holder's):
 * the old pair is revoked with RFC 5280 reason superseded (revokePair: OCSP, CRL, key shares, and the seals
 * bound to it voided and flagged for re-application), the enterprise's registered details (name, legal
 * representative, address) or the person's account name take the approved values, and
 * `certificate.changed` records old and new serials. An old certificate revoked in the meantime (the
 * holder's 吊销) is not revoked twice; the change still completes. Returns the OCSP memo keys the caller
 * forgets after its commit.
 */
export async function supersedeChangedCertificate(
  tx: Tx,
  { order, newSerials, actorId, ip }: { order: Pick<Order, "id" | "subjectType" | "orgId" | "userId" | "draft" | "changesCertificateId">; newSerials: string[]; actorId: string; ip?: string },
): Promise<{ ocspKeys: string[] }> {
  const draft = readDraft(order.draft);
  const change = draft.change;
  if (!order.changesCertificateId || !change) return { ocspKeys: [] };
  const old = await tx.certificate.findUniqueOrThrow({ where: { id: order.changesCertificateId }, select: { id: true, status: true, serialHex: true } });
  const revoked = old.status === "VALID" ? await revokePair({ certificateId: old.id, reason: "superseded", actorId, ip, within: tx }) : null;
  const changed = changeRows(change.before, draft).filter((r) => r.changed);
  if (order.subjectType === "UNIT" && order.orgId && draft.enterprise) {
    const e = draft.enterprise;
    await tx.organization.update({
      where: { id: order.orgId },
      data: {
        name: e.name,
        legalRepName: e.legalRepName,
        legalRepIdType: e.legalRepIdType,
        legalRepIdNumber: e.legalRepIdNumber,
        legalRepPhone: e.legalRepPhone,
        ...(e.address ? { address: e.address } : {}),
      },
    });
    if (changed.length > 0) await writeAudit(tx, { actorId, ip, action: "org.updated", targetType: "Organization", targetId: order.orgId, data: { fields: changed.map((r) => r.field) } });
  } else if (order.subjectType === "INDIVIDUAL" && draft.person && change.before.type === "INDIVIDUAL") {
    // The account's real name follows only when it was this person's (the holder's own certificate).
    await tx.user.updateMany({ where: { id: order.userId, realName: change.before.name }, data: { realName: draft.person.name } });
  }
  await writeAudit(tx, {
    actorId,
    ip,
    action: "certificate.changed",
    targetType: "Order",
    targetId: order.id,
    data: { oldSerialHex: old.serialHex, oldRevoked: revoked?.serials ?? [], newSerials, fields: changed.map((r) => r.field) },
  });
  return { ocspKeys: revoked?.ocspKeys ?? [] };
}
