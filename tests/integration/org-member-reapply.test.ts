// A member's re-application for an expired or revoked enterprise certificate goes to the administrator
// (issue 12, member requests), not straight into a new unit wizard.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { reapplyCertificate } from "@/lib/server/orders/reapply-certificate";
import { addMember, createPlatform, holderOf, orgWithAdmin } from "./org-support";

describe("a member's 重新申请 of an enterprise certificate", () => {
  it("becomes a certificate request the administrator answers; the administrator's own re-application is a new order", async () => {
    const { org, channel, admin, holder: adminHolder } = await orgWithAdmin();
    const platform = await createPlatform();
    const { user: member } = await addMember(org.id);
    const memberHolder = await holderOf(member, org, channel.id);
    const memberOrder = await db.certificate.findUniqueOrThrow({ where: { id: memberHolder.sign.cert.id }, select: { orderId: true } });
    await db.order.update({ where: { id: memberOrder.orderId! }, data: { platformId: platform.id } });
    await db.certificate.updateMany({ where: { userId: { in: [member.id, admin.id] }, orgId: org.id }, data: { status: "REVOKED", revokedAt: new Date(), revocationReason: 5 } });

    const out = await reapplyCertificate({ userId: member.id, certificateId: memberHolder.sign.cert.id });
    expect(out.nextPath).toBe(`/org/${org.id}/requests`);
    const request = await db.orgRequest.findFirstOrThrow({ where: { orgId: org.id, requesterId: member.id, kind: "CERT" } });
    expect(request).toMatchObject({ status: "PENDING_ADMIN", platformIds: [platform.id], orderId: null });
    expect(await db.order.count({ where: { userId: member.id, status: "DRAFT" } })).toBe(0);

    const own = await reapplyCertificate({ userId: admin.id, certificateId: adminHolder.sign.cert.id });
    expect(own.orderId).toEqual(expect.any(String));
    expect(own.nextPath).toBe(`/apply/unit/${own.orderId}/method`);
  });
});
