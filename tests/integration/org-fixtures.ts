import { randomInt } from "node:crypto";
import { db } from "@/lib/db/client";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { upsertOrganizationFromOrder } from "@/lib/server/org/upsert-organization-from-order";
import { createUser, uniquePhone } from "../support/factories";
import { downloadAsPhone } from "../support/phone-download";
import { createChannel, uniqueIdNumber, uniqueUscc } from "./orders-fixtures";

// Helpers for the org-* integration tests (H1): enterprises whose certificates are really issued through the
// phone's download, so memberships come from the download and revocations reach OCSP and the CRL.

export const PIN = "285714";

export function enterpriseDraft(over: Record<string, unknown> = {}) {
  return {
    name: `测试科技${randomInt(0, 1e6)}有限公司`,
    uscc: uniqueUscc(),
    legalRepName: "张三",
    legalRepIdType: "RESIDENT_ID",
    legalRepIdNumber: uniqueIdNumber(),
    legalRepPhone: uniquePhone(),
    ...over,
  };
}

type Enterprise = ReturnType<typeof enterpriseDraft>;

/** A UNIT order of `userId` for the enterprise, APPROVED (as the review leaves it), with or without its organization. */
export async function approvedEnterpriseOrder({ userId, enterprise, channelId, withOrg = true }: { userId: string; enterprise: Enterprise; channelId: string; withOrg?: boolean }) {
  const now = new Date();
  const order = await db.order.create({
    data: {
      no: generateOrderNo(),
      userId,
      channelId,
      subjectType: "UNIT",
      subjectKey: enterprise.uscc,
      subjectName: enterprise.name,
      status: "APPROVED",
      step: "pay",
      verificationMethod: "CORP_DEPOSIT",
      draft: { enterprise, handler: { isLegalRep: false, name: "李经办", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: uniquePhone(), email: "h@example.test", method: "PHONE3" } },
      years: 1,
      priceFen: 38000,
      submittedAt: now,
      paidAt: now,
      approvedAt: now,
    },
  });
  if (withOrg) await db.$transaction((tx) => upsertOrganizationFromOrder(tx, { orderId: order.id, actorId: userId }));
  return order;
}

/** A user who downloaded the enterprise certificate of their own approved order (becoming admin or member). */
export async function enterpriseHolder(enterprise: Enterprise, channelId: string) {
  const user = await createUser();
  const order = await approvedEnterpriseOrder({ userId: user.id, enterprise, channelId });
  const download = await downloadAsPhone(user.id, order.id, PIN);
  return { user, order, download };
}

/**
 * An enterprise with an administrator and two members, each holding the enterprise's dual certificates
 * (downloaded), plus a certificate administrator and a seal administrator without certificates.
 */
export async function enterpriseWithMembers({ allowCertAdmins = true } = {}) {
  const channel = await createChannel();
  if (!allowCertAdmins) await db.channel.update({ where: { id: channel.id }, data: { allowCertAdmins: false } });
  const enterprise = enterpriseDraft();
  const admin = await enterpriseHolder(enterprise, channel.id);
  const org = await db.organization.findUniqueOrThrow({ where: { uscc: enterprise.uscc } });
  const alice = await enterpriseHolder(enterprise, channel.id);
  const bob = await enterpriseHolder(enterprise, channel.id);
  const certAdmin = await createUser();
  const sealAdmin = await createUser();
  const legalRep = await createUser();
  await db.membership.createMany({
    data: [
      { orgId: org.id, userId: certAdmin.id, role: "CERT_ADMIN" },
      { orgId: org.id, userId: sealAdmin.id, role: "SEAL_ADMIN" },
      { orgId: org.id, userId: legalRep.id, role: "LEGAL_REP" },
    ],
  });
  const membershipOf = async (userId: string) => db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.id, userId } } });
  return { channel, enterprise, org, admin, alice, bob, certAdmin, sealAdmin, legalRep, membershipOf };
}
