import type { Prisma } from "@/lib/generated/prisma/client";
import { randomInt, randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { upsertOrganizationFromOrder } from "@/lib/server/org/upsert-organization-from-order";
import { requestOrderSeal } from "./request-order-seal";
import { idNumberCheckChar } from "@/lib/validators/id-number";
import { usccCheckChar } from "@/lib/validators/uscc";

/**
 * End-to-end fixture (CERTDESK_E2E_FIXTURES=1 only, else NOT_FOUND): a new enterprise and the caller's
 * APPROVED unit order for it (as the CA's review leaves it), so the phone's download issues the enterprise
 * certificate and makes the caller its administrator; the seal specs start from there. With `joinOrgId`
 * (an enterprise this fixture made): the caller's APPROVED unit order for that same enterprise (no seal
 * option), whose download makes the caller a MEMBER holding its own enterprise certificate (授权用章 spec).
 */
export async function createSealOrgFixture({ userId, holderPhone, joinOrgId, authorizeOrgId }: { userId: string; holderPhone: string; joinOrgId?: string; authorizeOrgId?: string }) {
  if (env().CERTDESK_E2E_FIXTURES !== "1") throw new AppError("not_found");
  if (authorizeOrgId) return authorizeDemoPlatformFixture({ userId, orgId: authorizeOrgId });
  if (joinOrgId) return joinSealOrgFixture({ userId, holderPhone, orgId: joinOrgId });
  const body = `91110108MA${String(randomInt(0, 1e7)).padStart(7, "0")}`;
  const uscc = body + usccCheckChar(body)!;
  const first17 = `110105198103${String(randomInt(10, 29))}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  const channel = await db.channel.findUniqueOrThrow({ where: { code: "demo" } });
  const name = `印章测试${randomUUID().slice(0, 4).toUpperCase()}建设有限公司`;
  const now = new Date();
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { realName: "李印章", realNameVerifiedAt: now } });
    const order = await tx.order.create({
      data: {
        no: `S${Date.now().toString(36)}${randomUUID().slice(0, 4)}`.toUpperCase(),
        userId,
        channelId: channel.id,
        subjectType: "UNIT",
        subjectKey: uscc,
        subjectName: name,
        status: "APPROVED",
        step: "pay",
        verificationMethod: "CORP_DEPOSIT",
        draft: {
          enterprise: { name, uscc, legalRepName: "王法人", legalRepIdType: "RESIDENT_ID", legalRepIdNumber: idNumber, legalRepPhone: holderPhone },
          handler: { isLegalRep: false, name: "李印章", idType: "RESIDENT_ID", idNumber, phone: holderPhone, email: "seal@example.test", method: "PHONE3" },
          goods: { years: 1, medium: "CLOUD", withSeal: true, invoice: { wanted: false } },
        },
        years: 1,
        priceFen: 58000,
        withSeal: true,
        submittedAt: now,
        paidAt: now,
        approvedAt: now,
      },
    });
    const orgId = await upsertOrganizationFromOrder(tx, { orderId: order.id, actorId: userId });
    // What the paid 同时办理电子印章 option asks for (as onOrderPaid does).
    await requestOrderSeal(tx, { order: await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { id: true, userId: true, orgId: true, withSeal: true, subjectName: true } }) });
    return { orderId: order.id, orgId: orgId! };
  });
}

async function joinSealOrgFixture({ userId, holderPhone, orgId }: { userId: string; holderPhone: string; orgId: string }) {
  const first = await db.order.findFirst({ where: { orgId, subjectType: "UNIT", withSeal: true, subjectName: { startsWith: "印章测试" } }, orderBy: { createdAt: "asc" }, select: { draft: true, subjectKey: true, subjectName: true, channelId: true } });
  if (!first) throw new AppError("not_found");
  const enterprise = (first.draft as { enterprise: Prisma.InputJsonObject }).enterprise;
  const first17 = `110105199002${String(randomInt(10, 29))}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  const now = new Date();
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { realName: "张成员", realNameVerifiedAt: now } });
    const order = await tx.order.create({
      data: {
        no: `S${Date.now().toString(36)}${randomUUID().slice(0, 4)}`.toUpperCase(),
        userId,
        channelId: first.channelId,
        orgId,
        subjectType: "UNIT",
        subjectKey: first.subjectKey,
        subjectName: first.subjectName,
        status: "APPROVED",
        step: "pay",
        verificationMethod: "CORP_DEPOSIT",
        draft: {
          enterprise,
          handler: { isLegalRep: false, name: "张成员", idType: "RESIDENT_ID", idNumber, phone: holderPhone, email: "member@example.test", method: "PHONE3" },
          goods: { years: 1, medium: "CLOUD", withSeal: false, invoice: { wanted: false } },
        },
        years: 1,
        priceFen: 38000,
        withSeal: false,
        submittedAt: now,
        paidAt: now,
        approvedAt: now,
      },
    });
    return { orderId: order.id, orgId };
  });
}

/**
 * With `authorizeOrgId`: the caller, an ACTIVE member of that enterprise, authorized for the demo trading
 * platform as if the administrator had granted it (the grant itself, a letter signed by scan, has its own spec:
 * org-flows). The member's enterprise certificate may then be used there.
 */
async function authorizeDemoPlatformFixture({ userId, orgId }: { userId: string; orgId: string }) {
  const membership = await db.membership.findFirst({ where: { orgId, userId, status: "ACTIVE" }, select: { id: true } });
  const admin = await db.membership.findFirst({ where: { orgId, role: "ADMIN", status: "ACTIVE" }, select: { userId: true } });
  const platform = await db.tradingPlatform.findUnique({ where: { code: "demo-tender" }, select: { id: true } });
  if (!membership || !admin || !platform) throw new AppError("not_found");
  const existing = await db.platformAuthorization.findFirst({ where: { membershipId: membership.id, platformId: platform.id, status: "ACTIVE" }, select: { id: true } });
  const authorization = existing ?? (await db.platformAuthorization.create({ data: { orgId, membershipId: membership.id, platformId: platform.id, grantedById: admin.userId } }));
  return { authorizationId: authorization.id };
}
