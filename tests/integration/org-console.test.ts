import "../support/next-runtime";
import { randomBytes, randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as paperRoute } from "@/app/api/console/org-requests/[id]/paper/route";
import { decidePaperTransferAction } from "@/lib/actions/org/console-org-actions";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { createSession } from "@/lib/server/auth/create-session";
import { loadSessionUser } from "@/lib/server/auth/load-session-user";
import { authorizeSessionUser } from "@/lib/server/auth/require-user";
import { updateChannel } from "@/lib/server/channels/update-channel";
import { consoleGetOrgRequest } from "@/lib/server/org/console-get-org-request";
import { consoleGetOrganization } from "@/lib/server/org/console-get-organization";
import { consoleListOrgRequests } from "@/lib/server/org/console-list-org-requests";
import { consoleListOrganizations } from "@/lib/server/org/console-list-organizations";
import { consoleReadOrgPaper } from "@/lib/server/org/console-read-org-paper";
import { decidePaperTransfer } from "@/lib/server/org/decide-paper-transfer";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { idNumberCheckChar } from "@/lib/validators/id-number";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { createPlatform } from "../support/platform-fixtures";
import { createChannel } from "../support/review-fixtures";
import { callRoute, sessionCookie } from "../support/route-request";
import { useOwnDatabase } from "./own-database";

// A database of its own on PostgreSQL: its fixture CA row is not a real hierarchy, which other files must not see.
await useOwnDatabase("org_console");

// The console's enterprise pages (issue 12): list and search, detail, the paper transfer queue, the
// stamped form's route and the CA's decision. Organizations, memberships and requests are written
// straight to the database: the claim, join and transfer flows have their own tests.

const BASE = "http://localhost:3000";
const none = {} as Record<string, never>;

/** A well-formed USCC nobody else in this file uses (the check character is not what the console checks). */
function uniqueUscc(): string {
  return `91110108${randomBytes(5).toString("hex").toUpperCase().slice(0, 9)}X`;
}

function uniqueIdNumber(): string {
  const first17 = `110105198${randomInt(0, 10)}0${randomInt(1, 10)}${String(randomInt(10, 29))}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}

async function createOrg({ name, members = [], deleted = false }: { name: string; members?: Array<{ role: OrgRole; removed?: boolean }>; deleted?: boolean }) {
  const org = await db.organization.create({
    data: {
      name,
      uscc: uniqueUscc(),
      legalRepName: "王法人",
      legalRepIdType: "RESIDENT_ID",
      legalRepIdNumber: uniqueIdNumber(),
      address: "北京市海淀区测试路 1 号",
      verifiedAt: new Date(),
      deletedAt: deleted ? new Date() : null,
    },
  });
  const users = [];
  for (const m of members) {
    const user = await createUser();
    await db.membership.create({ data: { orgId: org.id, userId: user.id, role: m.role, status: m.removed ? "REMOVED" : "ACTIVE", removedAt: m.removed ? new Date() : null } });
    users.push(user);
  }
  return { org, users };
}

let ca: { id: string } | undefined;
async function createCertificate({ orgId, userId, status = "VALID" }: { orgId: string; userId: string; status?: "VALID" | "REVOKED" }) {
  const now = new Date();
  ca ??= await db.certificateAuthority.create({
    data: { kind: "ISSUING", name: "测试 CA", subjectDn: "CN=Test CA", certDer: new Uint8Array([0x30, 0x00]), serialHex: randomBytes(8).toString("hex"), keyRef: "test", notBefore: now, notAfter: new Date(now.getTime() + 86_400_000), active: false },
  });
  return db.certificate.create({
    data: {
      serialHex: randomBytes(10).toString("hex"),
      caId: ca.id,
      usage: "SIGN",
      subjectType: "UNIT",
      subjectDn: "CN=测试企业",
      subjectName: "测试企业",
      der: new Uint8Array([0x30, 0x00]),
      fingerprint: randomBytes(32).toString("hex"),
      notBefore: now,
      notAfter: new Date(now.getTime() + 365 * 86_400_000),
      status,
      revokedAt: status === "REVOKED" ? now : null,
      orgId,
      userId,
    },
  });
}

/** A paper administrator transfer waiting for the CA, with its stamped form in FileStorage. */
async function createPaperTransfer({ orgId, fromUserId, toUserId, mime = "image/png", bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) }: { orgId: string; fromUserId: string; toUserId: string; mime?: string; bytes?: Uint8Array }) {
  const key = `org-paper/${orgId}/${randomBytes(8).toString("hex")}`;
  await getFileStorage().put(key, bytes, mime);
  return db.orgRequest.create({
    data: { orgId, kind: "TRANSFER_ADMIN", status: "PENDING_CA", requesterId: fromUserId, targetUserId: toUserId, paperKey: key, paperMime: mime, paperSha256: "ab".repeat(32) },
  });
}

const roleOf = async (orgId: string, userId: string) => (await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId, userId } } })).role;

/** Runs the real server action inside Next's request scope, with a real session cookie from this origin. */
async function runAction<T>(cookie: string, action: () => Promise<T>): Promise<T> {
  let out: T | undefined;
  await callRoute(
    async () => {
      out = await action();
      return new Response(null, { status: 204 });
    },
    new Request(`${BASE}/console/org-requests/x`, { method: "POST", headers: { cookie, origin: BASE, "sec-fetch-site": "same-origin", host: "localhost:3000" } }),
    none,
  );
  return out as T;
}

describe("console enterprise list and search (orgs.view)", () => {
  it("searches by name, USCC and the administrator's phone, counts active members and certificates, and shows deleted ones as such", async () => {
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const tag = randomBytes(3).toString("hex");
    const a = await createOrg({ name: `北京甲${tag}科技有限公司`, members: [{ role: "ADMIN" }, { role: "MEMBER" }, { role: "MEMBER", removed: true }] });
    const b = await createOrg({ name: `上海乙${tag}贸易有限公司`, members: [{ role: "ADMIN" }], deleted: true });
    await createCertificate({ orgId: a.org.id, userId: a.users[0]!.id });
    await createCertificate({ orgId: a.org.id, userId: a.users[2]!.id, status: "REVOKED" });

    const byName = await consoleListOrganizations({ user: reviewer, filter: { q: `甲${tag}` } });
    expect(byName.organizations.map((o) => o.id)).toEqual([a.org.id]);
    expect(byName.organizations[0]).toMatchObject({ memberCount: 2, certificateCount: 2, validCertificateCount: 1, deleted: false, admin: { phone: a.users[0]!.phone } });

    const byUscc = await consoleListOrganizations({ user: reviewer, filter: { q: b.org.uscc.slice(4).toLowerCase() } });
    expect(byUscc.organizations.map((o) => o.id)).toEqual([b.org.id]);
    expect(byUscc.organizations[0]).toMatchObject({ deleted: true });

    const byPhone = await consoleListOrganizations({ user: reviewer, filter: { q: a.users[0]!.phone } });
    expect(byPhone.organizations.map((o) => o.id)).toEqual([a.org.id]);
    // A plain member's phone is not an administrator's.
    expect((await consoleListOrganizations({ user: reviewer, filter: { q: a.users[1]!.phone } })).total).toBe(0);

    const both = await consoleListOrganizations({ user: reviewer, filter: { q: tag } });
    expect(both.total).toBe(2);
    expect((await consoleListOrganizations({ user: reviewer, filter: { q: tag, state: "deleted" } })).organizations.map((o) => o.id)).toEqual([b.org.id]);
    expect((await consoleListOrganizations({ user: reviewer, filter: { q: tag, state: "active" } })).organizations.map((o) => o.id)).toEqual([a.org.id]);

    // Pages: one row per page, newest first; an out-of-range or junk page is ignored, not sent to the database.
    const p1 = await consoleListOrganizations({ user: reviewer, filter: { q: tag, page: "1" }, pageSize: 1 });
    const p2 = await consoleListOrganizations({ user: reviewer, filter: { q: tag, page: "2" }, pageSize: 1 });
    expect(p1.pageCount).toBe(2);
    expect([...p1.organizations, ...p2.organizations].map((o) => o.id)).toEqual([b.org.id, a.org.id]);
    for (const page of ["abc", "-1", "1e9"]) expect((await consoleListOrganizations({ user: reviewer, filter: { q: tag, page } })).filter.page).toBe(1);
  });
});

describe("console enterprise detail", () => {
  it("shows details, members with roles and status, certificates, open and past requests, authorizations and its audit rows", async () => {
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const { org, users } = await createOrg({ name: "详情测试有限公司", members: [{ role: "ADMIN" }, { role: "CERT_ADMIN" }, { role: "MEMBER", removed: true }] });
    const [admin, certAdmin, removed] = users as [typeof users[0], typeof users[0], typeof users[0]];
    await createCertificate({ orgId: org.id, userId: admin.id });
    await createCertificate({ orgId: org.id, userId: removed.id, status: "REVOKED" });
    const { platform } = await createPlatform();
    const membership = await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.id, userId: certAdmin.id } } });
    await db.platformAuthorization.create({ data: { orgId: org.id, membershipId: membership.id, platformId: platform.id, grantedById: admin.id } });
    await db.orgRequest.create({ data: { orgId: org.id, kind: "JOIN", status: "PENDING_ADMIN", requesterId: certAdmin.id, platformIds: [platform.id] } });
    await db.orgRequest.create({ data: { orgId: org.id, kind: "TRANSFER_ADMIN", status: "REJECTED", requesterId: admin.id, targetUserId: certAdmin.id, reason: "申请表未盖章", decidedById: reviewer.id, decidedAt: new Date() } });
    await db.$transaction((tx) => writeAudit(tx, { actorId: admin.id, action: "org.updated", targetType: "organization", targetId: org.id, data: { fields: ["address"] } }));

    const d = await consoleGetOrganization({ user: reviewer, orgId: org.id });
    expect(d).toMatchObject({ id: org.id, name: "详情测试有限公司", uscc: org.uscc, legalRepName: "王法人", deletedAt: null });
    expect(d.members.map((m) => [m.userId, m.role, m.status])).toEqual([
      [admin.id, "ADMIN", "ACTIVE"],
      [certAdmin.id, "CERT_ADMIN", "ACTIVE"],
      [removed.id, "MEMBER", "REMOVED"],
    ]);
    expect(d.certificates.map((c) => [c.holder?.id, c.status]).sort()).toEqual([[admin.id, "VALID"], [removed.id, "REVOKED"]].sort());
    expect(d.requests.map((r) => [r.kind, r.status, r.isOpen])).toEqual(expect.arrayContaining([["JOIN", "PENDING_ADMIN", true], ["TRANSFER_ADMIN", "REJECTED", false]]));
    expect(d.requests.find((r) => r.kind === "JOIN")?.platforms.map((p) => p.id)).toEqual([platform.id]);
    expect(d.requests.find((r) => r.kind === "TRANSFER_ADMIN")).toMatchObject({ reason: "申请表未盖章", decidedBy: reviewer.name, hasPaper: false });
    expect(d.authorizations).toEqual([expect.objectContaining({ status: "ACTIVE", memberPhone: certAdmin.phone, grantedBy: admin.name, platform: expect.objectContaining({ id: platform.id }) })]);
    expect(d.audit.map((r) => r.action)).toEqual(["org.updated"]);
    expect(d.audit[0]).toMatchObject({ actor: admin.name, data: { fields: ["address"] } });

    await expectAppError(consoleGetOrganization({ user: reviewer, orgId: "cmunknownorg0000000000000" }), "not_found");
    // A deleted enterprise is still shown, as it was left.
    const gone = await createOrg({ name: "已注销测试有限公司", deleted: true });
    expect((await consoleGetOrganization({ user: reviewer, orgId: gone.org.id })).deletedAt).toBeInstanceOf(Date);
  });
});

describe("console enterprise access", () => {
  it("refuses applicants (FORBIDDEN) in every console enterprise function, and staff sessions without the second factor", async () => {
    const applicant = await createUser();
    const { org, users } = await createOrg({ name: "权限测试有限公司", members: [{ role: "ADMIN" }, { role: "MEMBER" }] });
    const request = await createPaperTransfer({ orgId: org.id, fromUserId: users[0]!.id, toUserId: users[1]!.id });
    // Even the enterprise's own administrator: the console is not the desk.
    for (const user of [applicant, users[0]!]) {
      await expectAppError(consoleListOrganizations({ user, filter: {} }), "forbidden");
      await expectAppError(consoleGetOrganization({ user, orgId: org.id }), "forbidden");
      await expectAppError(consoleListOrgRequests({ user, filter: {} }), "forbidden");
      await expectAppError(consoleGetOrgRequest({ user, requestId: request.id }), "forbidden");
      await expectAppError(consoleReadOrgPaper({ user, requestId: request.id }), "forbidden");
    }
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const session = await db.$transaction((tx) => createSession(tx, { userId: reviewer.id, method: "password", ip: "127.0.0.1" }));
    const user = (await loadSessionUser({ sessionId: session.id }))!;
    for (const permission of ["orgs.view", "orgs.review"] as const) {
      expect(() => authorizeSessionUser(user, { permission })).toThrow(expect.objectContaining({ code: "forbidden", userMessage: "passkeys.errors.secondFactorRequired" }));
    }
    // Without the second factor the staff session acts as an applicant: the domain refuses it too.
    await expectAppError(consoleListOrganizations({ user: authorizeSessionUser(user), filter: {} }), "forbidden");
    await db.session.update({ where: { id: session.id }, data: { secondFactorAt: new Date(), secondFactorMethod: "passkey" } });
    const passed = (await loadSessionUser({ sessionId: session.id }))!;
    expect(authorizeSessionUser(passed, { permission: "orgs.review" }).role).toBe("CA_REVIEWER");
  });

  it("serves the stamped form only to staff with orgs.review and the second factor, with a fixed type, sandboxed, as itself", async () => {
    const { org, users } = await createOrg({ name: "表单测试有限公司", members: [{ role: "ADMIN" }, { role: "MEMBER" }] });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
    const request = await createPaperTransfer({ orgId: org.id, fromUserId: users[0]!.id, toUserId: users[1]!.id, bytes: png });
    const get = (cookie: string | null, id = request.id) =>
      callRoute(paperRoute, new Request(`${BASE}/api/console/org-requests/${id}/paper`, { headers: cookie ? { cookie } : {} }), { id });

    expect((await get(null)).status).toBe(401);
    expect((await get(await sessionCookie(users[0]!.id))).status).toBe(403);
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const noSecondFactor = await get(await sessionCookie(reviewer.id));
    expect(noSecondFactor.status).toBe(403);
    expect(await noSecondFactor.json()).toMatchObject({ error: { code: "forbidden", message: "请先完成第二重身份验证（通行密钥或动态口令）" } });

    const cookie = await sessionCookie(reviewer.id, { secondFactor: true });
    const ok = await get(cookie);
    expect(ok.status).toBe(200);
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(png);
    expect(ok.headers.get("content-type")).toBe("image/png");
    expect(ok.headers.get("content-disposition")).toBe(`inline; filename="transfer-form-${request.id}.png"; filename*=UTF-8''transfer-form-${request.id}.png`);
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("content-security-policy")).toContain("sandbox");
    expect(ok.headers.get("cache-control")).toBe("private, no-store");

    // A stored type outside the fixed few is sent as bytes to download; a PDF is a download too.
    // (One open request per requester and kind: the earlier ones are closed first.)
    const close = (id: string) => db.orgRequest.update({ where: { id }, data: { status: "CANCELLED" } });
    await close(request.id);
    const html = await createPaperTransfer({ orgId: org.id, fromUserId: users[0]!.id, toUserId: users[1]!.id, mime: "text/html", bytes: new TextEncoder().encode("<script>alert(1)</script>") });
    await close(html.id);
    const htmlRes = await get(cookie, html.id);
    expect(htmlRes.headers.get("content-type")).toBe("application/octet-stream");
    expect(htmlRes.headers.get("content-disposition")).toMatch(/^attachment; filename="transfer-form-.+\.bin"/);
    const pdf = await createPaperTransfer({ orgId: org.id, fromUserId: users[0]!.id, toUserId: users[1]!.id, mime: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4") });
    const pdfRes = await get(cookie, pdf.id);
    expect(pdfRes.headers.get("content-type")).toBe("application/pdf");
    expect(pdfRes.headers.get("content-disposition")).toMatch(/^attachment; /);

    // No such request, or a request without paper: 404.
    expect((await get(cookie, "cmunknownrequest000000000")).status).toBe(404);
    const join = await db.orgRequest.create({ data: { orgId: org.id, kind: "JOIN", status: "PENDING_ADMIN", requesterId: users[1]!.id } });
    expect((await get(cookie, join.id)).status).toBe(404);
  });
});

describe("paper administrator transfer queue and decision", () => {
  it("lists paper transfers waiting for the CA, oldest first, and not other requests", async () => {
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const { org, users } = await createOrg({ name: "队列测试有限公司", members: [{ role: "ADMIN" }, { role: "MEMBER" }] });
    const other = await createOrg({ name: "队列测试二有限公司", members: [{ role: "ADMIN" }, { role: "MEMBER" }] });
    const first = await createPaperTransfer({ orgId: org.id, fromUserId: users[0]!.id, toUserId: users[1]!.id });
    const second = await createPaperTransfer({ orgId: other.org.id, fromUserId: other.users[0]!.id, toUserId: other.users[1]!.id });
    const join = await db.orgRequest.create({ data: { orgId: org.id, kind: "JOIN", status: "PENDING_CA", requesterId: users[1]!.id } });
    // A transfer signed with a certificate (no paper) never reaches this queue.
    const third = await createOrg({ name: "队列测试三有限公司", members: [{ role: "ADMIN" }, { role: "MEMBER" }] });
    const withCert = await db.orgRequest.create({ data: { orgId: third.org.id, kind: "TRANSFER_ADMIN", status: "PENDING_CA", requesterId: third.users[0]!.id, targetUserId: third.users[1]!.id } });

    const queue = await consoleListOrgRequests({ user: reviewer, filter: {} });
    const ids = queue.requests.map((r) => r.id);
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(ids).not.toContain(join.id);
    expect(ids).not.toContain(withCert.id);
    expect(queue.requests.find((r) => r.id === first.id)).toMatchObject({ status: "PENDING_CA", org: { id: org.id, name: "队列测试有限公司" }, from: { phone: users[0]!.phone }, to: { phone: users[1]!.phone } });

    const one = await consoleGetOrgRequest({ user: reviewer, requestId: first.id });
    expect(one).toMatchObject({ status: "PENDING_CA", requesterIsAdmin: true, from: { id: users[0]!.id, role: "ADMIN" }, to: { id: users[1]!.id, role: "MEMBER" }, paper: { mime: "image/png", url: `/api/console/org-requests/${first.id}/paper` } });
    await expectAppError(consoleGetOrgRequest({ user: reviewer, requestId: join.id }), "not_found");
    await expectAppError(consoleGetOrgRequest({ user: reviewer, requestId: withCert.id }), "not_found");
  });

  it("approve swaps the roles; reject needs a reason and keeps them; both through the console action", async () => {
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const cookie = await sessionCookie(reviewer.id, { secondFactor: true });
    const { org, users } = await createOrg({ name: "转授测试有限公司", members: [{ role: "ADMIN" }, { role: "MEMBER" }] });
    const [admin, member] = users as [typeof users[0], typeof users[0]];

    const rejected = await createPaperTransfer({ orgId: org.id, fromUserId: admin.id, toUserId: member.id });
    const noReason = await runAction(cookie, () => decidePaperTransferAction({ requestId: rejected.id, decision: "reject", reason: " " }));
    expect(noReason).toMatchObject({ ok: false, error: { code: "validation_failed", fields: { reason: [expect.any(String)] } } });
    const rej = await runAction(cookie, () => decidePaperTransferAction({ requestId: rejected.id, decision: "reject", reason: "申请表公章不清晰" }));
    expect(rej).toEqual({ ok: true, data: { requestId: rejected.id, status: "REJECTED" } });
    expect([await roleOf(org.id, admin.id), await roleOf(org.id, member.id)]).toEqual(["ADMIN", "MEMBER"]);
    expect(await db.orgRequest.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({ status: "REJECTED", reason: "申请表公章不清晰", decidedById: reviewer.id });

    // A staff session without the second factor is refused by the action, and nothing changes.
    const approved = await createPaperTransfer({ orgId: org.id, fromUserId: admin.id, toUserId: member.id });
    const refused = await runAction(await sessionCookie(reviewer.id), () => decidePaperTransferAction({ requestId: approved.id, decision: "approve" }));
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const applicant = await runAction(await sessionCookie(admin.id), () => decidePaperTransferAction({ requestId: approved.id, decision: "approve" }));
    expect(applicant).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await db.orgRequest.findUniqueOrThrow({ where: { id: approved.id } })).status).toBe("PENDING_CA");

    const ok = await runAction(cookie, () => decidePaperTransferAction({ requestId: approved.id, decision: "approve" }));
    expect(ok).toEqual({ ok: true, data: { requestId: approved.id, status: "APPROVED" } });
    expect([await roleOf(org.id, admin.id), await roleOf(org.id, member.id)]).toEqual(["CERT_ADMIN", "ADMIN"]);
    const audit = await db.auditLog.findMany({ where: { targetType: "organization", targetId: org.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(audit.map((a) => a.action)).toEqual(["org.request_rejected", "org.admin_transferred", "org.request_approved"]);
    expect(audit.every((a) => a.actorId === reviewer.id)).toBe(true);
    // The page shows it decided; a second decision is a conflict.
    expect(await consoleGetOrgRequest({ user: reviewer, requestId: approved.id })).toMatchObject({ status: "APPROVED", decidedBy: reviewer.name });
    expect(await runAction(cookie, () => decidePaperTransferAction({ requestId: approved.id, decision: "reject", reason: "重复提交的申请" }))).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("10 parallel decisions (approvals and rejections by two reviewers) have one outcome", async () => {
    const [r1, r2] = await Promise.all([createUser({ role: "CA_REVIEWER" }), createUser({ role: "CA_ADMIN" })]);
    const { org, users } = await createOrg({ name: "并发测试有限公司", members: [{ role: "ADMIN" }, { role: "MEMBER" }] });
    const [admin, member] = users as [typeof users[0], typeof users[0]];
    const request = await createPaperTransfer({ orgId: org.id, fromUserId: admin.id, toUserId: member.id });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        decidePaperTransfer({ reviewerId: (i % 2 ? r1 : r2).id, requestId: request.id, ...(i % 3 === 0 ? { decision: "reject" as const, reason: "并发退回测试" } : { decision: "approve" as const }) }),
      ),
    );
    const wins = results.filter((r) => r.status === "fulfilled");
    expect(wins).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
    const outcome = (wins[0] as PromiseFulfilledResult<{ status: string }>).value.status;
    const after = await db.orgRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.status).toBe(outcome);
    const admins = await db.membership.findMany({ where: { orgId: org.id, role: "ADMIN", status: "ACTIVE" } });
    expect(admins.map((m) => m.userId)).toEqual([outcome === "APPROVED" ? member.id : admin.id]);
    const decided = await db.auditLog.count({ where: { targetType: "organization", targetId: org.id, action: { in: ["org.request_approved", "org.request_rejected"] } } });
    expect(decided).toBe(1);
  });

  it("10 parallel approvals: exactly one swaps the roles", async () => {
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const { org, users } = await createOrg({ name: "并发批准测试有限公司", members: [{ role: "ADMIN" }, { role: "MEMBER" }] });
    const [admin, member] = users as [typeof users[0], typeof users[0]];
    const request = await createPaperTransfer({ orgId: org.id, fromUserId: admin.id, toUserId: member.id });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => decidePaperTransfer({ reviewerId: reviewer.id, requestId: request.id, decision: "approve" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect([await roleOf(org.id, admin.id), await roleOf(org.id, member.id)]).toEqual(["CERT_ADMIN", "ADMIN"]);
    expect(await db.auditLog.count({ where: { targetType: "organization", targetId: org.id, action: "org.admin_transferred" } })).toBe(1);
  });
});

describe("channel enterprise switches", () => {
  it("saves 需法定代表人审核 and 允许设置证书管理员 with the channel.updated audit row; leaving them out keeps them", async () => {
    const admin = await createUser({ role: "CA_ADMIN" });
    const channel = await createChannel();
    const base = { channelId: channel.id, name: "企业渠道", allowedMethods: ["PHONE3"], autoApproveIndividual: false, allowNoInvoice: false, requireTwoReviewers: false, active: true, prices: [] };
    await updateChannel({ user: admin, input: { ...base, requireLegalRepApproval: true, allowCertAdmins: false } });
    expect(await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ requireLegalRepApproval: true, allowCertAdmins: false });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "channel.updated", targetId: channel.id }, orderBy: { id: "desc" } });
    expect(row.data).toMatchObject({ requireLegalRepApproval: true, allowCertAdmins: false });

    await updateChannel({ user: admin, input: base });
    expect(await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ requireLegalRepApproval: true, allowCertAdmins: false });
    await updateChannel({ user: admin, input: { ...base, requireLegalRepApproval: false, allowCertAdmins: true } });
    expect(await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ requireLegalRepApproval: false, allowCertAdmins: true });
    await expectAppError(updateChannel({ user: await createUser({ role: "CA_REVIEWER" }), input: { ...base, requireLegalRepApproval: true } }), "forbidden");
  });
});
