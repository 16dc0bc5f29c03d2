import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/**
 * 同时办理电子印章 (the wizard's +¥200 option): when the order is paid, the seal it paid for is asked for
 * (AWAITING_IMAGE, linked to the order): the enterprise's 公章 for a unit order, a personal seal for an
 * individual. Its picture is uploaded once the order's signing certificate is issued (submitSealImage
 * binds it then). Idempotent per order (a doubled payment webhook asks once).
 */
export async function requestOrderSeal(tx: Tx, { order }: { order: { id: string; userId: string; orgId: string | null; withSeal: boolean; subjectName: string | null } }): Promise<void> {
  if (!order.withSeal) return;
  if ((await tx.seal.count({ where: { orderId: order.id } })) > 0) return;
  const kind = order.orgId ? ("OFFICIAL" as const) : ("PERSONAL" as const);
  const seal = await tx.seal.create({
    data: {
      orgId: order.orgId,
      userId: order.orgId ? null : order.userId,
      kind,
      source: "UPLOAD",
      status: "AWAITING_IMAGE",
      name: `${order.subjectName ?? ""} ${kind === "OFFICIAL" ? "公章" : "个人印章"}`.trim(),
      orderId: order.id,
      createdById: order.userId,
    },
    select: { id: true },
  });
  await writeAudit(tx, { actorId: order.userId, action: "seal.created", targetType: "Seal", targetId: seal.id, data: { kind, source: "UPLOAD", orgId: order.orgId, certificateId: null, orderId: order.id, status: "AWAITING_IMAGE" } });
}
