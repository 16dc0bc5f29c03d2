// Issue 12: 企业使用记录. The administrator sees every member's use of the organization's
// certificates (type, member, serial, platform, time, result), filters, pages and exports it; a
// member sees only their own; an outsider gets NOT_FOUND.
import "../support/next-runtime";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createScanRequest } from "@/lib/server/scan/create-scan-request";
import { ZCreateScanRequestSchema } from "@/lib/server/scan/scan.types";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";
import { completePhoneScan } from "@/lib/server/scan/complete-phone-scan";
import { listOrgUsageRecords } from "@/lib/server/org/list-org-usage-records";
import { GET as usageCsvRoute } from "@/app/api/org/[orgId]/usage.csv/route";
import { createUser } from "../support/factories";
import { createPlatform } from "../support/platform-fixtures";
import { expectAppError } from "../support/expect-app-error";
import { callRoute, sessionCookie } from "../support/route-request";
import { PIN, holderWithCertificates, scanLogin } from "./scan-phone-support";
import { authorize, createOrg, enterpriseHolder, removeMember } from "./scan-org-support";

type Holder = Awaited<ReturnType<typeof holderWithCertificates>>;
const BASE = "http://localhost:3000";

async function login(holder: Holder, platformId: string) {
  const challenge = `login-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
  const req = await createScanRequest({ platformId, input: ZCreateScanRequestSchema.parse({ type: "login", challenge }) });
  const opened = await openScanForPhone({ userId: holder.user.id, token: req.qrContent.split("/m/s/")[1]! });
  if (!opened.refused) await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result: await scanLogin(holder, req.id, challenge, PIN) } });
  return req.id;
}

// One organization: an administrator, a certificate administrator and two members, one of them
// authorized for platform A; scans on A and B, and a stranger's personal scan that never shows.
let s: Awaited<ReturnType<typeof setting>>;
async function setting() {
  const a = (await createPlatform()).platform;
  const b = (await createPlatform()).platform;
  const org = await createOrg();
  const admin = await enterpriseHolder(org.id, "ADMIN");
  const certAdmin = await enterpriseHolder(org.id, "CERT_ADMIN");
  const alice = await enterpriseHolder(org.id, "MEMBER");
  const bob = await enterpriseHolder(org.id, "MEMBER");
  const stranger = await holderWithCertificates();
  for (const [h, name] of [[admin, "管理员甲"], [certAdmin, "证书管理员乙"], [alice, "成员丙"], [bob, "=成员丁"]] as const) {
    await db.user.update({ where: { id: h.user.id }, data: { realName: name } });
  }
  await authorize({ orgId: org.id, membershipId: alice.membership.id, platformId: a.id, grantedById: admin.user.id });
  const ids = {
    aliceOnA: await login(alice, a.id), // completed
    aliceOnB: await login(alice, b.id), // refused: not authorized for B
    bobOnA: await login(bob, a.id), // refused
    adminOnB: await login(admin, b.id), // completed
    strangerOnA: await login(stranger, a.id), // personal, not the organization's
  };
  return { a, b, org, admin, certAdmin, alice, bob, stranger, ids };
}
beforeAll(async () => {
  s = await setting();
}, 120_000);

describe("listOrgUsageRecords", () => {
  it("the administrator (and a certificate administrator) sees every member's records of the organization's certificates, refused ones with their reason", async () => {
    const view = await listOrgUsageRecords({ userId: s.admin.user.id, orgId: s.org.id });
    expect(view.canViewAll).toBe(true);
    expect(view.total).toBe(4);
    expect(view.records.map((r) => r.id).sort()).toEqual([s.ids.aliceOnA, s.ids.aliceOnB, s.ids.bobOnA, s.ids.adminOnB].sort());
    const refused = view.records.find((r) => r.id === s.ids.aliceOnB)!;
    expect(refused).toMatchObject({ type: "login", memberName: "成员丙", memberId: s.alice.user.id, platform: s.b.name, serialHex: s.alice.sign.cert.serialHex, result: "rejected", failReason: "not_authorized_for_platform" });
    expect(view.records.find((r) => r.id === s.ids.aliceOnA)).toMatchObject({ result: "completed", platform: s.a.name, serialHex: s.alice.sign.cert.serialHex });
    expect(view.members.map((m) => m.name)).toEqual(["管理员甲", "证书管理员乙", "成员丙", "=成员丁"]);
    expect((await listOrgUsageRecords({ userId: s.certAdmin.user.id, orgId: s.org.id })).total).toBe(4);
  });

  it("filters by member, type, platform, result and date range (desk days), and pages", async () => {
    const list = (filter: Record<string, unknown>) => listOrgUsageRecords({ userId: s.admin.user.id, orgId: s.org.id, filter });
    expect((await list({ memberId: s.alice.user.id })).records.map((r) => r.id).sort()).toEqual([s.ids.aliceOnA, s.ids.aliceOnB].sort());
    expect((await list({ platformId: s.b.id })).records.map((r) => r.id).sort()).toEqual([s.ids.aliceOnB, s.ids.adminOnB].sort());
    expect((await list({ result: "rejected" })).records.map((r) => r.id).sort()).toEqual([s.ids.aliceOnB, s.ids.bobOnA].sort());
    expect((await list({ result: "completed", platformId: s.a.id })).records.map((r) => r.id)).toEqual([s.ids.aliceOnA]);
    expect((await list({ type: "login" })).total).toBe(4);
    expect((await list({ type: "sign" })).total).toBe(0);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + 86_400_000));
    const yesterday = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() - 86_400_000));
    expect((await list({ from: today, to: today })).total).toBe(4);
    expect((await list({ from: tomorrow })).total).toBe(0);
    expect((await list({ to: yesterday })).total).toBe(0);
    // Empty form fields are no filter.
    expect((await list({ memberId: "", type: "", platformId: "", from: "", to: "", result: "" })).total).toBe(4);
    const page2 = await list({ pageSize: "1", page: "2" });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 1, pages: 4 });
    expect(page2.records).toHaveLength(1);
    const all = await list({});
    expect(page2.records[0]!.id).toBe(all.records[1]!.id);
  });

  it("a member without usage.viewAll sees only their own records, whatever the filter asks", async () => {
    const own = await listOrgUsageRecords({ userId: s.alice.user.id, orgId: s.org.id });
    expect(own.canViewAll).toBe(false);
    expect(own.members).toEqual([]);
    expect(own.records.map((r) => r.id).sort()).toEqual([s.ids.aliceOnA, s.ids.aliceOnB].sort());
    expect((await listOrgUsageRecords({ userId: s.alice.user.id, orgId: s.org.id, filter: { memberId: s.bob.user.id } })).total).toBe(0);
    expect((await listOrgUsageRecords({ userId: s.bob.user.id, orgId: s.org.id })).records.map((r) => r.id)).toEqual([s.ids.bobOnA]);
  });

  it("an outsider, a member of another organization and a removed member get NOT_FOUND", async () => {
    await expectAppError(listOrgUsageRecords({ userId: s.stranger.user.id, orgId: s.org.id }), "not_found");
    const other = await createOrg({ name: "另一家公司" });
    const otherAdmin = await createUser();
    await db.membership.create({ data: { orgId: other.id, userId: otherAdmin.id, role: "ADMIN" } });
    await expectAppError(listOrgUsageRecords({ userId: otherAdmin.id, orgId: s.org.id }), "not_found");
    const leaving = await enterpriseHolder(s.org.id, "CERT_ADMIN");
    await removeMember(leaving.membership.id);
    await expectAppError(listOrgUsageRecords({ userId: leaving.user.id, orgId: s.org.id }), "not_found");
  });
});

describe("GET /api/org/:orgId/usage.csv", () => {
  const csvFor = async (userId: string, query = "") =>
    callRoute(usageCsvRoute, new Request(`${BASE}/api/org/${s.org.id}/usage.csv${query}`, { headers: { cookie: await sessionCookie(userId) } }), { orgId: s.org.id });

  it("the administrator's export: one line per record with the member's name, formula-safe, with the page's filter", async () => {
    const res = await csvFor(s.admin.user.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("时间,成员,操作,平台,内容,证书序列号,结果");
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes(s.alice.sign.cert.serialHex) && l.includes(s.b.name))).toMatch(/,成员丙,登录,.*,已拒绝$/);
    // A name that a spreadsheet would run as a formula is quoted and prefixed.
    expect(text).toContain(`"'=成员丁"`);
    expect(text).not.toContain(s.stranger.sign.cert.serialHex);

    const filtered = (await (await csvFor(s.admin.user.id, `?memberId=${s.alice.user.id}&result=completed`)).text()).trim().split("\r\n");
    expect(filtered).toHaveLength(2);
    expect(filtered[1]).toContain(s.alice.sign.cert.serialHex);
  });

  it("a member's export holds their own records only; an outsider gets 404", async () => {
    const own = (await (await csvFor(s.bob.user.id)).text()).trim().split("\r\n");
    expect(own).toHaveLength(2);
    expect(own[1]).toContain(s.bob.sign.cert.serialHex);
    const outsider = await csvFor(s.stranger.user.id);
    expect(outsider.status).toBe(404);
  });
});
