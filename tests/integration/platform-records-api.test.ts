import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { openApiDocument } from "@/lib/server/scan/openapi-document";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/scan-requests/route";
import { GET as certificateRoute } from "@/app/api/v1/certificates/[serial]/route";
import { GET as authorizationRoute } from "@/app/api/v1/certificates/[serial]/authorization/route";
import { GET as organizationRoute } from "@/app/api/v1/organizations/[uscc]/route";
import { GET as sealsRoute } from "@/app/api/v1/seals/route";
import { POST as matchRoute } from "@/app/api/v1/subjects/match/route";
import { PUT as putWebhookRoute } from "@/app/api/v1/platform/webhook/route";
import { createPlatform } from "../support/platform-fixtures";
import { authorize, createOrg, enterpriseHolder, removeMember, revokeAuthorization } from "./scan-org-support";
import { holderWithCertificates } from "./scan-phone-support";

// "More than scan requests" (issue 16): a platform's own requests as usage records, a holder's
// authorization for the platform, an enterprise's subject library with the holders it authorized, and
// validation texts in the caller's language on every route. Every answer also goes through the
// contract check (tests/support/contract-plugin.ts).

type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function api(route: Handler, { method = "GET", auth, body, params = {}, query = "", lang }: { method?: string; auth?: string; body?: unknown; params?: object; query?: string; lang?: string } = {}) {
  const headers: Record<string, string> = { ...(auth ? { authorization: auth } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...(lang ? { "accept-language": lang } : {}) };
  const res = await route(new Request(`http://desk.test/api/v1/x${query}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params as never) });
  return { status: res.status, json: (await res.json()) as Json };
}

/** A request this platform completed with the certificate (what "met" means for these endpoints). */
async function completedWith(platformId: string, holder: { user: { id: string }; sign: { cert: { id: string } } }) {
  await db.scanRequest.create({
    data: { platformId, type: "LOGIN", status: "COMPLETED", tokenHash: randomBytes(16).toString("hex"), payload: {}, userId: holder.user.id, certificateId: holder.sign.cert.id, expiresAt: new Date(Date.now() + 60_000), completedAt: new Date() },
  });
}

describe("GET /api/v1/scan-requests (usage records)", () => {
  it("lists only the caller's requests, newest first, filtered, a page at a time; the state is the one GET gives", async () => {
    const a = await createPlatform();
    const b = await createPlatform();
    const made: string[] = [];
    for (const body of [
      { type: "login", challenge: "records-challenge-0001", clientRef: "order-1" },
      { type: "sign", digest: "ab".repeat(32), title: "投标文件", clientRef: "order-2" },
      { type: "sync_subject", clientRef: "order-1" },
      { type: "login", challenge: "records-challenge-0002", expiresIn: 30 },
    ]) {
      const created = await api(createRoute, { method: "POST", auth: a.authorization, body });
      expect(created.status).toBe(201);
      made.push(created.json.id);
    }
    await api(createRoute, { method: "POST", auth: b.authorization, body: { type: "sync_subject" } });
    // The last one's time has passed: it reads as expired though no job ran yet.
    await db.scanRequest.update({ where: { id: made[3] }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const all = await api(listRoute, { auth: a.authorization });
    expect(all.status).toBe(200);
    expect(all.json.records.map((r: Json) => r.id)).toEqual([...made].reverse());
    expect(all.json.nextCursor).toBeNull();
    expect(all.json.records[2]).toMatchObject({ type: "sign", status: "pending", title: "投标文件", clientRef: "order-2", serial: null, sessionId: null, failReason: null });
    expect(all.json.records[0]).toMatchObject({ status: "expired" });
    expect(JSON.stringify(all.json)).not.toContain("qrContent");

    expect((await api(listRoute, { auth: a.authorization, query: "?clientRef=order-1" })).json.records.map((r: Json) => r.id)).toEqual([made[2], made[0]]);
    expect((await api(listRoute, { auth: a.authorization, query: "?type=login" })).json.records.map((r: Json) => r.id)).toEqual([made[3], made[0]]);
    expect((await api(listRoute, { auth: a.authorization, query: "?status=expired" })).json.records.map((r: Json) => r.id)).toEqual([made[3]]);
    expect((await api(listRoute, { auth: a.authorization, query: "?status=pending&type=login" })).json.records.map((r: Json) => r.id)).toEqual([made[0]]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await api(listRoute, { auth: a.authorization, query: `?from=${future}` })).json.records).toEqual([]);

    // Pages of 3, then the rest; a request created meanwhile does not shift the second page.
    const first = await api(listRoute, { auth: a.authorization, query: "?limit=3" });
    expect(first.json.records.map((r: Json) => r.id)).toEqual([made[3], made[2], made[1]]);
    await api(createRoute, { method: "POST", auth: a.authorization, body: { type: "sync_subject" } });
    const second = await api(listRoute, { auth: a.authorization, query: `?limit=3&cursor=${first.json.nextCursor}` });
    expect(second.status, JSON.stringify(second.json)).toBe(200);
    expect(second.json.records.map((r: Json) => r.id)).toEqual([made[0]]);
    expect(second.json.nextCursor).toBeNull();

    const bad = await api(listRoute, { auth: a.authorization, query: "?limit=0&status=done&cursor=x" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["limit", "status"]);
    const badCursor = await api(listRoute, { auth: a.authorization, query: "?cursor=bm90LWEtY3Vyc29y" });
    expect(badCursor.status).toBe(422);
    expect(badCursor.json.error.fields.cursor).toHaveLength(1);
    expect((await api(listRoute, {})).status).toBe(401);
  });
});

describe("GET /api/v1/certificates/{serial}/authorization", () => {
  it("answers the scan's own check: personal, administrator, authorized member; refused with the reason; only for certificates it met", async () => {
    const { platform, authorization } = await createPlatform();
    const other = await createPlatform();
    const org = await createOrg({ name: "授权查询建设有限公司" });
    const admin = await enterpriseHolder(org.id, "ADMIN");
    const member = await enterpriseHolder(org.id, "MEMBER");
    const person = await holderWithCertificates();
    const ask = (serial: string, auth = authorization) => api(authorizationRoute, { auth, params: { serial } });

    // Never used with this platform: as unknown (like GET /certificates/{serial}).
    expect((await ask(member.sign.cert.serialHex)).status).toBe(404);
    for (const h of [admin, member, person]) await completedWith(platform.id, h);
    expect((await ask(member.sign.cert.serialHex, other.authorization)).status).toBe(404);
    expect((await ask("zz")).status).toBe(422);

    expect((await ask(person.sign.cert.serialHex)).json).toMatchObject({ organization: null, authorized: true, basis: "personal_certificate", refusal: null });
    expect((await ask(admin.sign.cert.serialHex.toUpperCase())).json).toMatchObject({
      serial: admin.sign.cert.serialHex,
      organization: { name: "授权查询建设有限公司", uscc: org.uscc },
      authorized: true,
      basis: "administrator",
      grantedAt: null,
    });
    expect((await ask(member.sign.cert.serialHex)).json).toMatchObject({ authorized: false, basis: null, refusal: "not_authorized_for_platform", revokedAt: null });

    const grant = await authorize({ orgId: org.id, membershipId: member.membership.id, platformId: platform.id, grantedById: admin.user.id });
    const granted = (await ask(member.sign.cert.serialHex)).json;
    expect(granted).toMatchObject({ authorized: true, basis: "authorization", refusal: null, grantedAt: grant.grantedAt.toISOString() });
    // Authorized for another platform only: not for this one.
    const elsewhere = await enterpriseHolder(org.id, "MEMBER");
    await completedWith(platform.id, elsewhere);
    await authorize({ orgId: org.id, membershipId: elsewhere.membership.id, platformId: other.platform.id, grantedById: admin.user.id });
    expect((await ask(elsewhere.sign.cert.serialHex)).json).toMatchObject({ authorized: false, refusal: "not_authorized_for_platform" });

    await revokeAuthorization(grant.id, admin.user.id);
    const revoked = (await ask(member.sign.cert.serialHex)).json;
    expect(revoked).toMatchObject({ authorized: false, refusal: "not_authorized_for_platform", grantedAt: null });
    expect(revoked.revokedAt).not.toBeNull();
    await removeMember(member.membership.id);
    expect((await ask(member.sign.cert.serialHex)).json).toMatchObject({ authorized: false, refusal: "not_a_member" });
    // GET /certificates/{serial} answers for the same certificates.
    expect((await api(certificateRoute, { auth: authorization, params: { serial: member.sign.cert.serialHex } })).status).toBe(200);
  });
});

describe("GET /api/v1/organizations/{uscc}", () => {
  it("the enterprise's subject library and who may use its certificates on this platform; only for an enterprise it met", async () => {
    const { platform, authorization } = await createPlatform();
    const other = await createPlatform();
    const org = await createOrg({ name: "主体库查询有限公司", address: "杭州市西湖区文三路 90 号" });
    const admin = await enterpriseHolder(org.id, "ADMIN");
    const member = await enterpriseHolder(org.id, "MEMBER");
    const revokedMember = await enterpriseHolder(org.id, "MEMBER");
    const unauthorized = await enterpriseHolder(org.id, "MEMBER");
    const ask = (uscc: string, auth = authorization) => api(organizationRoute, { auth, params: { uscc } });

    expect((await ask(org.uscc)).status).toBe(404);
    await completedWith(platform.id, unauthorized);
    const grant = await authorize({ orgId: org.id, membershipId: member.membership.id, platformId: platform.id, grantedById: admin.user.id });
    const old = await authorize({ orgId: org.id, membershipId: revokedMember.membership.id, platformId: platform.id, grantedById: admin.user.id });
    await revokeAuthorization(old.id, admin.user.id);
    await authorize({ orgId: org.id, membershipId: unauthorized.membership.id, platformId: other.platform.id, grantedById: admin.user.id });
    const seal = await db.seal.create({ data: { orgId: org.id, name: "主体库查询有限公司 公章", kind: "OFFICIAL", imageKey: "seals/x.png", status: "APPROVED" } });
    await db.seal.create({ data: { orgId: org.id, name: "作废章", kind: "OFFICIAL", imageKey: "seals/y.png", status: "VOIDED" } });

    const res = await ask(org.uscc.toLowerCase());
    expect(res.status).toBe(200);
    const names = async (h: { user: { id: string } }) => {
      const u = await db.user.findUniqueOrThrow({ where: { id: h.user.id } });
      return u.realName ?? u.name;
    };
    expect(res.json).toMatchObject({
      name: "主体库查询有限公司",
      uscc: org.uscc,
      legalRepName: "王五",
      address: "杭州市西湖区文三路 90 号",
      seals: [{ id: seal.id, name: seal.name, kind: "official" }],
      holders: [
        { name: await names(admin), role: "administrator", basis: "administrator", grantedAt: null, certificates: [admin.sign.cert.serialHex] },
        { name: await names(member), role: "member", basis: "authorization", grantedAt: grant.grantedAt.toISOString(), certificates: [member.sign.cert.serialHex] },
      ],
    });
    expect(JSON.stringify(res.json)).not.toContain(org.legalRepIdNumber);
    // Another platform never met the enterprise; a malformed code is a field error.
    expect((await ask(org.uscc, other.authorization)).status).toBe(404);
    expect((await ask("91110108MA01NOSUCH")).status).toBe(404);
    expect((await ask("short")).status).toBe(422);
    // A deleted enterprise is gone for platforms too.
    await db.organization.update({ where: { id: org.id }, data: { deletedAt: new Date() } });
    expect((await ask(org.uscc)).status).toBe(404);
  });
});

describe("validation texts follow Accept-Language on every platform route", () => {
  it("zh-CN by default, en when asked, for body, query and path errors alike", async () => {
    const { authorization } = await createPlatform();
    const cases: Array<[string, Handler, { method?: string; body?: unknown; params?: object; query?: string }]> = [
      ["POST /scan-requests", createRoute as Handler, { method: "POST", body: { type: "login", challenge: "short one" } }],
      ["POST /scan-requests (type)", createRoute as Handler, { method: "POST", body: { type: "nope" } }],
      ["GET /scan-requests", listRoute as Handler, { query: "?limit=500&from=yesterday" }],
      ["GET /certificates/{serial}", certificateRoute as Handler, { params: { serial: "xyz" } }],
      ["GET /certificates/{serial}/authorization", authorizationRoute as Handler, { params: { serial: "xyz" } }],
      ["GET /organizations/{uscc}", organizationRoute as Handler, { params: { uscc: "x" } }],
      ["GET /seals", sealsRoute as Handler, { query: "?serial=xyz" }],
      ["POST /subjects/match", matchRoute as Handler, { method: "POST", body: { idNumber: "110105199002196360" } }],
      ["PUT /platform/webhook", putWebhookRoute as Handler, { method: "PUT", body: { webhookUrl: "not a url" } }],
    ];
    for (const [name, route, opts] of cases) {
      const zh = await api(route, { ...opts, auth: authorization });
      const en = await api(route, { ...opts, auth: authorization, lang: "en-US,en;q=0.9" });
      expect(zh.status, name).toBe(422);
      expect(en.status, name).toBe(422);
      const zhTexts = [zh.json.error.message, ...Object.values(zh.json.error.fields as Record<string, string[]>).flat()];
      const enTexts = [en.json.error.message, ...Object.values(en.json.error.fields as Record<string, string[]>).flat()];
      expect(Object.keys(zh.json.error.fields), name).toEqual(Object.keys(en.json.error.fields));
      for (const t of zhTexts) expect(t, `${name}: "${t}" is Chinese`).toMatch(/[\u4e00-\u9fff]/);
      for (const t of enTexts) expect(t, `${name}: "${t}" is English`).not.toMatch(/[\u4e00-\u9fff]/);
      // Never a catalogue key in place of a text.
      for (const t of [...zhTexts, ...enTexts]) expect(t, name).not.toMatch(/^[a-z]+\.[a-zA-Z.]+$/);
    }
  });
});

describe("the creation limit (SCAN_PLATFORM_PER_MINUTE, in the document)", () => {
  it("of 30 creates at once under a limit of 20, exactly 20 are created and 10 are 429 with retryAfter and Retry-After", async () => {
    const before = process.env.SCAN_PLATFORM_PER_MINUTE;
    process.env.SCAN_PLATFORM_PER_MINUTE = "20";
    resetEnvCache();
    try {
      expect(openApiDocument().info.description).toContain("At most 20 scan requests created per minute per platform");
      const { platform, authorization } = await createPlatform();
      const answers = await Promise.all(
        Array.from({ length: 30 }, async () => {
          const res = await createRoute(new Request("http://desk.test/api/v1/scan-requests", { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify({ type: "sync_subject" }) }));
          return { status: res.status, retryAfter: res.headers.get("retry-after"), json: (await res.json()) as Json };
        }),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(20);
      const limited = answers.filter((a) => a.status === 429);
      expect(limited).toHaveLength(10);
      for (const a of limited) {
        expect(a.json.error).toMatchObject({ code: "rate_limited" });
        expect(a.json.error.retryAfter).toBeGreaterThan(0);
        expect(Number(a.retryAfter)).toBe(a.json.error.retryAfter);
      }
      expect(await db.scanRequest.count({ where: { platformId: platform.id } })).toBe(20);
    } finally {
      if (before === undefined) delete process.env.SCAN_PLATFORM_PER_MINUTE;
      else process.env.SCAN_PLATFORM_PER_MINUTE = before;
      resetEnvCache();
    }
  });
});
