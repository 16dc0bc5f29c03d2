import { describe, expect, it } from "vitest";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/server/org/require-member";
import { assignPrimaryAdmin } from "@/lib/server/org/assign-primary-admin";
import { listMyOrganizations } from "@/lib/server/org/list-my-organizations";
import { findOrganization } from "@/lib/server/org/find-organization";
import { orderWhere } from "@/lib/server/orders/order-where";
import { getOrderForUser } from "@/lib/server/orders/get-order-for-user";
import { listOrders } from "@/lib/server/orders/list-orders";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { badUscc, createChannel, createOrderRow, uniqueIdNumber, uniqueUscc } from "./orders-fixtures";

async function createOrg(name = "测试科技有限公司") {
  return db.organization.create({
    data: { name, uscc: uniqueUscc(), legalRepName: "李四", legalRepIdType: "RESIDENT_ID", legalRepIdNumber: uniqueIdNumber() },
  });
}

async function member(orgId: string, role: OrgRole, status: "ACTIVE" | "REMOVED" = "ACTIVE") {
  const user = await createUser();
  await db.membership.create({ data: { orgId, userId: user.id, role, status, removedAt: status === "REMOVED" ? new Date() : null } });
  return user;
}

async function visibleIds(userId: string, orderIds: string[], permission?: Parameters<typeof orderWhere>[0]["permission"]) {
  const rows = await db.order.findMany({ where: { AND: [orderWhere({ userId, permission }), { id: { in: orderIds } }] }, select: { id: true } });
  return rows.map((r) => r.id).sort();
}

describe("requireMember", () => {
  it("NOT_FOUND for an outsider, a removed member and an unknown organization; FORBIDDEN without the permission; the membership with it", async () => {
    const org = await createOrg();
    const outsider = await createUser();
    const removed = await member(org.id, "ADMIN", "REMOVED");
    const plain = await member(org.id, "MEMBER");
    const admin = await member(org.id, "ADMIN");

    await expectAppError(requireMember({ userId: outsider.id, orgId: org.id }), "not_found");
    await expectAppError(requireMember({ userId: outsider.id, orgId: org.id, permission: "org.view" }), "not_found");
    await expectAppError(requireMember({ userId: removed.id, orgId: org.id, permission: "org.view" }), "not_found");
    await expectAppError(requireMember({ userId: admin.id, orgId: "no-such-org", permission: "org.view" }), "not_found");
    await expectAppError(requireMember({ userId: plain.id, orgId: org.id, permission: "members.manage" }), "forbidden");

    const m = await requireMember({ userId: plain.id, orgId: org.id, permission: "certs.use" });
    expect(m).toMatchObject({ orgId: org.id, userId: plain.id, role: "MEMBER", status: "ACTIVE" });
    expect((await requireMember({ userId: admin.id, orgId: org.id, permission: "org.delete" })).role).toBe("ADMIN");
    expect((await requireMember({ userId: plain.id, orgId: org.id })).role).toBe("MEMBER");
  });
});

describe("one primary administrator per organization", () => {
  it("10 parallel attempts to make 10 users administrator → exactly one, the others CONFLICT", async () => {
    const org = await createOrg();
    const users = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    const results = await Promise.allSettled(users.map((u) => assignPrimaryAdmin({ orgId: org.id, userId: u.id })));
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") {
        expect(r.reason).toBeInstanceOf(AppError);
        expect((r.reason as AppError).code).toBe("conflict");
      }
    }
    expect(await db.membership.count({ where: { orgId: org.id, role: "ADMIN", status: "ACTIVE" } })).toBe(1);
    const winner = users.find((u) => u.id === (ok[0] as PromiseFulfilledResult<{ userId: string }>).value.userId)!;
    // Again for the same user: unchanged, still one.
    await assignPrimaryAdmin({ orgId: org.id, userId: winner.id });
    expect(await db.membership.count({ where: { orgId: org.id, role: "ADMIN" } })).toBe(1);
  });

  it("the database refuses a second ACTIVE administrator written around the code; a removed one does not count", async () => {
    const org = await createOrg();
    await member(org.id, "ADMIN");
    const second = await createUser();
    const err = await db.membership.create({ data: { orgId: org.id, userId: second.id, role: "ADMIN" } }).then(() => null, (e: unknown) => e);
    expect(err).not.toBeNull();
    const other = await createOrg();
    await member(other.id, "ADMIN", "REMOVED");
    const next = await createUser();
    await assignPrimaryAdmin({ orgId: other.id, userId: next.id });
    expect(await db.membership.count({ where: { orgId: other.id, role: "ADMIN", status: "ACTIVE" } })).toBe(1);
  });

  it("a removed member made administrator gets their row back, active", async () => {
    const org = await createOrg();
    const back = await member(org.id, "MEMBER", "REMOVED");
    const m = await assignPrimaryAdmin({ orgId: org.id, userId: back.id });
    expect(m).toMatchObject({ role: "ADMIN", status: "ACTIVE" });
    expect(await db.membership.count({ where: { orgId: org.id, userId: back.id } })).toBe(1);
    expect((await db.membership.findFirstOrThrow({ where: { orgId: org.id, userId: back.id } })).removedAt).toBeNull();
  });

  it("unknown organization → NOT_FOUND", async () => {
    const u = await createUser();
    await expectAppError(assignPrimaryAdmin({ orgId: "no-such-org", userId: u.id }), "not_found");
  });
});

describe("org-aware orderWhere", () => {
  it("applicant, org administrators, plain members, outsiders, removed members and users without memberships", async () => {
    const channel = await createChannel();
    const org = await createOrg();
    const admin = await member(org.id, "ADMIN");
    const certAdmin = await member(org.id, "CERT_ADMIN");
    const plain = await member(org.id, "MEMBER");
    const colleague = await member(org.id, "MEMBER");
    const legalRep = await member(org.id, "LEGAL_REP");
    const removedAdmin = await member(org.id, "CERT_ADMIN", "REMOVED");
    const outsider = await createUser();

    const orgOrder = await createOrderRow({ userId: colleague.id, channelId: channel.id });
    await db.order.update({ where: { id: orgOrder.id }, data: { orgId: org.id } });
    const privateOrder = await createOrderRow({ userId: colleague.id, channelId: channel.id }); // no organization
    const plainOwn = await createOrderRow({ userId: plain.id, channelId: channel.id });
    await db.order.update({ where: { id: plainOwn.id }, data: { orgId: org.id } });
    const outsiderOwn = await createOrderRow({ userId: outsider.id, channelId: channel.id });
    const all = [orgOrder.id, privateOrder.id, plainOwn.id, outsiderOwn.id];

    expect(await visibleIds(colleague.id, all)).toEqual([orgOrder.id, privateOrder.id].sort());
    expect(await visibleIds(admin.id, all)).toEqual([orgOrder.id, plainOwn.id].sort());
    expect(await visibleIds(certAdmin.id, all)).toEqual([orgOrder.id, plainOwn.id].sort());
    expect(await visibleIds(plain.id, all)).toEqual([plainOwn.id]);
    expect(await visibleIds(legalRep.id, all)).toEqual([]);
    expect(await visibleIds(removedAdmin.id, all)).toEqual([]);
    expect(await visibleIds(outsider.id, all)).toEqual([outsiderOwn.id]);

    // A narrower permission: only the administrator.
    expect(await visibleIds(admin.id, all, "org.delete")).toEqual([orgOrder.id, plainOwn.id].sort());
    expect(await visibleIds(certAdmin.id, all, "org.delete")).toEqual([]);
    // A permission members have: a plain member then sees the colleague's organization order too.
    expect(await visibleIds(plain.id, all, "certs.request")).toEqual([orgOrder.id, plainOwn.id].sort());

    // Through the existing callers: a colleague's order is NOT_FOUND for a plain member, found for the admin.
    await expectAppError(getOrderForUser({ userId: plain.id, orderId: orgOrder.id }), "not_found");
    await expectAppError(getOrderForUser({ userId: outsider.id, orderId: orgOrder.id }), "not_found");
    await expectAppError(getOrderForUser({ userId: admin.id, orderId: privateOrder.id }), "not_found");
    expect((await getOrderForUser({ userId: admin.id, orderId: orgOrder.id })).id).toBe(orgOrder.id);
    expect((await getOrderForUser({ userId: colleague.id, orderId: orgOrder.id })).id).toBe(orgOrder.id);
  });

  it("a user without memberships sees exactly what { userId } selected before", async () => {
    const channel = await createChannel();
    const user = await createUser();
    const other = await createUser();
    const org = await createOrg();
    const mine = await Promise.all([0, 1, 2].map(() => createOrderRow({ userId: user.id, channelId: channel.id })));
    await db.order.update({ where: { id: mine[0]!.id }, data: { orgId: org.id } });
    await createOrderRow({ userId: other.id, channelId: channel.id });
    const theirsInOrg = await createOrderRow({ userId: other.id, channelId: channel.id });
    await db.order.update({ where: { id: theirsInOrg.id }, data: { orgId: org.id } });

    const before = (await db.order.findMany({ where: { userId: user.id }, select: { id: true } })).map((r) => r.id).sort();
    const now = (await db.order.findMany({ where: orderWhere({ userId: user.id }), select: { id: true } })).map((r) => r.id).sort();
    expect(now).toEqual(before);
    expect(now).toEqual(mine.map((o) => o.id).sort());
    for (const o of mine) expect(await db.order.count({ where: orderWhere({ userId: user.id, orderId: o.id }) })).toBe(1);
    expect(await db.order.count({ where: orderWhere({ userId: user.id, orderId: theirsInOrg.id }) })).toBe(0);
    const listed = await listOrders({ userId: user.id, tab: "unfinished" });
    expect(listed.orders.map((o) => o.id).sort()).toEqual(before);
  });
});

describe("listMyOrganizations", () => {
  it("active memberships only, with name, USCC and role", async () => {
    const a = await createOrg("甲公司");
    const b = await createOrg("乙公司");
    const user = await createUser();
    await db.membership.create({ data: { orgId: a.id, userId: user.id, role: "CERT_ADMIN" } });
    await db.membership.create({ data: { orgId: b.id, userId: user.id, role: "MEMBER", status: "REMOVED", removedAt: new Date() } });
    const list = await listMyOrganizations({ userId: user.id });
    expect(list).toEqual([expect.objectContaining({ orgId: a.id, name: "甲公司", uscc: a.uscc, role: "CERT_ADMIN", verified: false })]);
    expect(await listMyOrganizations({ userId: (await createUser()).id })).toEqual([]);
  });
});

describe("findOrganization", () => {
  it("not registered, registered with the administrator masked, registered under another name", async () => {
    const fresh = uniqueUscc();
    expect(await findOrganization({ uscc: fresh, name: "任意公司" })).toEqual({ registered: false, uscc: fresh });

    const org = await createOrg("丙科技有限公司");
    expect(await findOrganization({ uscc: org.uscc, name: " 丙科技有限公司 " })).toEqual({
      registered: true, nameMatches: true, uscc: org.uscc, orgId: org.id, name: "丙科技有限公司", admin: null,
    });

    const admin = await db.user.create({ data: { phone: `138${String(Date.now()).slice(-8)}`, realName: "张三丰", name: "zsf" } });
    await db.membership.create({ data: { orgId: org.id, userId: admin.id, role: "ADMIN" } });
    await member(org.id, "MEMBER");
    const found = await findOrganization({ uscc: org.uscc, name: "丙科技有限公司" });
    expect(found).toMatchObject({ registered: true, nameMatches: true, orgId: org.id });
    expect(found.registered && found.nameMatches && found.admin).toEqual({ name: "张**", phone: `138****${admin.phone.slice(7)}` });
    expect(JSON.stringify(found)).not.toContain(admin.phone);
    expect(JSON.stringify(found)).not.toContain("members");

    expect(await findOrganization({ uscc: org.uscc, name: "别的公司" })).toEqual({ registered: true, nameMatches: false, uscc: org.uscc });
  });

  it("a bad USCC, a lower-case one and an empty name → VALIDATION_FAILED", async () => {
    const e1 = await expectAppError(findOrganization({ uscc: badUscc(), name: "某公司" }), "validation_failed");
    expect(e1.fields).toEqual({ uscc: ["wizard.errors.usccInvalid"] });
    await expectAppError(findOrganization({ uscc: "91350100m000100y43", name: "某公司" }), "validation_failed");
    await expectAppError(findOrganization({ uscc: "123", name: "某公司" }), "validation_failed");
    const e2 = await expectAppError(findOrganization({ uscc: uniqueUscc(), name: "  " }), "validation_failed");
    expect(e2.fields).toEqual({ name: ["wizard.errors.required"] });
  });
});
