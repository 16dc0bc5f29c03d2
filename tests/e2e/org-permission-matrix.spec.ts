// The enterprise permission matrix, over HTTP against the built server: the administrator, a certificate
// administrator, a seal administrator, a member, the legal representative and an outsider each call every
// org server action (lib/actions/org), every org route handler (app/api/org) and open every enterprise page
// (desk /org/[orgId]/…, phone /m/org/[orgId]/…) on one enterprise. Who may is read from ORG_ROLE_PERMISSIONS,
// so the test checks the code against the matrix as data: a role without the permission never succeeds (0
// unauthorized successes), an outsider learns nothing (NOT_FOUND, never FORBIDDEN), and the first role that may
// is not refused (so a guard that refuses everybody fails too). An action or route added to the org area
// without a row here fails the coverage test.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { actionTable, fillPattern, pageTable, routeTable, serverActionSources, type ActionEntry } from "../support/route-table";
import { callAction, errorCodeOf, isActionResult } from "./support-guard/call-action";
import { loginRequestAs } from "./support-guard/login";
import { uniquePhone } from "./fixtures/auth";
import { ORG_ROLE_PERMISSIONS, type OrgPermission } from "../../lib/server/org/org-permissions";
import type { OrgRole } from "../../lib/generated/prisma/enums";
import { idNumberCheckChar } from "../../lib/validators/id-number";

function validIdNumber(): string {
  const body = `11010519900307${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
  return body + idNumberCheckChar(body);
}

test.setTimeout(300_000);

const ROLES = ["outsider", "legalRep", "member", "sealAdmin", "certAdmin", "admin"] as const;
type Caller = (typeof ROLES)[number];
const ORG_ROLE: Record<Exclude<Caller, "outsider">, OrgRole> = { legalRep: "LEGAL_REP", member: "MEMBER", sealAdmin: "SEAL_ADMIN", certAdmin: "CERT_ADMIN", admin: "ADMIN" };

type Fixture = {
  orgId: string;
  name: string;
  uscc: string;
  platformId: string;
  removableMembershipId: string;
  colleagueUserId: string;
  colleagueMembershipId: string;
  authorizationId: string;
  adminStageRequestId: string;
  legalStageRequestId: string;
  certRequestId: string;
};

/**
 * Who may: an org permission, "anyUser" (any signed-in account, inside the organization or not: it reveals
 * nothing of it), or "signer" (only the account that started the letter).
 */
type Who = OrgPermission | "anyUser" | "signer";

type ActionRow = {
  key: string;
  label: string;
  who: Who;
  args: (f: Fixture) => unknown[];
  /** The first caller that may must get { ok: true } (a real resource to act on). */
  expectOk: boolean;
  /** A rule of the flow (not the matrix) may refuse a caller that may (e.g. a name that does not match). */
  businessRefusal?: boolean;
  /** Called after the route handlers (it changes who is who, or ends the enterprise). */
  final?: boolean;
};

const ORG_ACTIONS = "lib/actions/org/";
const CONSOLE_ACTIONS = new Set(["lib/actions/org/console-org-actions.ts"]); // staff: route-guard and org-console specs

const ACTION_ROWS: ActionRow[] = [
  { key: "lib/actions/org/org-actions.ts#findOrganizationAction", label: "search an enterprise", who: "anyUser", args: (f) => [{ name: f.name, uscc: f.uscc }], expectOk: true },
  { key: "lib/actions/org/member-actions.ts#addMemberAction", label: "add a member", who: "members.manage", args: (f) => [f.orgId, { name: "无此人", idNumber: validIdNumber(), phone: uniquePhone() }], expectOk: false },
  { key: "lib/actions/org/member-actions.ts#changeMemberRoleAction", label: "change a member's role", who: "members.manage", args: (f) => [f.orgId, f.colleagueMembershipId, "SEAL_ADMIN"], expectOk: true },
  { key: "lib/actions/org/member-actions.ts#revokeMemberCertificateAction", label: "revoke a member's certificate", who: "certs.manage", args: (f) => [f.orgId, "cmissingcertificate000000"], expectOk: false },
  { key: "lib/actions/org/member-actions.ts#removeMemberAction", label: "remove a member", who: "members.manage", args: (f) => [f.orgId, f.removableMembershipId], expectOk: true },
  { key: "lib/actions/org/request-actions.ts#createJoinRequestAction", label: "ask to join", who: "anyUser", args: (f) => [{ uscc: f.uscc, adminName: "不对", adminPhone: uniquePhone(), platformIds: [f.platformId], years: 1 }], expectOk: false },
  // 仅认证企业（对公打款）: not org-scoped (anyone may verify an enterprise); an incomplete form starts no transfer.
  { key: "lib/actions/org/verify-actions.ts#startEnterpriseVerificationAction", label: "verify an enterprise by corporate transfer", who: "anyUser", args: (f) => [{ name: f.name, uscc: f.uscc }], expectOk: false },
  { key: "lib/actions/org/request-actions.ts#createCertRequestAction", label: "ask for the enterprise certificate", who: "certs.request", args: (f) => [{ orgId: f.orgId, platformIds: [f.platformId], years: 1 }], expectOk: true },
  { key: "lib/actions/org/request-actions.ts#decideOrgRequestAction", label: "approve a join at the legal person's stage", who: "approvals.legalRep", args: (f) => [f.orgId, { requestId: f.legalStageRequestId, decision: "approve" }], expectOk: true },
  { key: "lib/actions/org/request-actions.ts#decideOrgRequestAction", label: "approve a join at the administrator's stage", who: "members.manage", args: (f) => [f.orgId, { requestId: f.adminStageRequestId, decision: "approve" }], expectOk: true },
  { key: "lib/actions/org/request-actions.ts#decideOrgRequestAction", label: "reject a member's certificate request", who: "certs.manage", args: (f) => [f.orgId, { requestId: f.certRequestId, decision: "reject", reason: "请先完成实名认证" }], expectOk: true },
  { key: "lib/actions/org/authorization-actions.ts#grantAuthorizationAction", label: "authorize a member for a platform", who: "authorizations.manage", args: (f) => [{ orgId: f.orgId, userId: f.colleagueUserId, platformIds: [f.platformId] }], expectOk: true },
  { key: "lib/actions/org/authorization-actions.ts#revokeAuthorizationAction", label: "revoke an authorization", who: "authorizations.manage", args: (f) => [{ orgId: f.orgId, authorizationId: f.authorizationId }], expectOk: true },
  // 授权用章 on a seal the fixture does not have: who may gets not_found for the seal, who may not forbidden / not_found first.
  { key: "lib/actions/org/seal-grant-actions.ts#grantSealUseAction", label: "grant a member's certificate the use of a seal", who: "seals.manage", args: (f) => [f.orgId, "cmissingseal0000000000000", "cmissingcertificate000000"], expectOk: false },
  { key: "lib/actions/org/seal-grant-actions.ts#withdrawSealUseAction", label: "withdraw a seal grant", who: "seals.manage", args: (f) => [f.orgId, "cmissingseal0000000000000", "cmissingcertificate000000"], expectOk: false },
  { key: "lib/actions/org/transfer-actions.ts#startAdminTransferAction", label: "transfer the administrator role", who: "org.transferAdmin", args: (f) => [{ orgId: f.orgId, toUserId: f.colleagueUserId }], expectOk: true },
  // Last: the sandbox's three-element check passes for anybody's phone, so after this row the outsider is the
  // legal representative; and nothing is left to call after the deletion.
  { key: "lib/actions/org/request-actions.ts#verifyLegalRepAction", label: "verify as the legal representative", who: "anyUser", args: (f) => [f.orgId, f.uscc], expectOk: false, businessRefusal: true, final: true },
  { key: "lib/actions/org/org-actions.ts#deleteOrganizationAction", final: true, label: "delete the enterprise", who: "org.delete", args: (f) => [f.orgId, f.name], expectOk: true },
];

/** Pages and GET routes: 200 for who may, 403/404 for members who may not, 404 for outsiders. */
type PageRow = { path: (f: Fixture) => string; pattern: string; who: Who };
const PAGE_ROWS: PageRow[] = [
  { pattern: "/org/[orgId]", path: (f) => `/org/${f.orgId}`, who: "org.view" },
  { pattern: "/org/[orgId]/members", path: (f) => `/org/${f.orgId}/members`, who: "members.view" },
  { pattern: "/org/[orgId]/members/[memberId]", path: (f) => `/org/${f.orgId}/members/${f.colleagueMembershipId}`, who: "members.view" },
  { pattern: "/org/[orgId]/authorizations", path: (f) => `/org/${f.orgId}/authorizations`, who: "org.view" },
  { pattern: "/org/[orgId]/requests", path: (f) => `/org/${f.orgId}/requests`, who: "org.view" },
  { pattern: "/org/[orgId]/transfer", path: (f) => `/org/${f.orgId}/transfer`, who: "org.transferAdmin" },
  { pattern: "/org/[orgId]/usage", path: (f) => `/org/${f.orgId}/usage`, who: "org.view" },
  { pattern: "/org/[orgId]/seals", path: (f) => `/org/${f.orgId}/seals`, who: "org.view" },
  { pattern: "/org/[orgId]/settings", path: (f) => `/org/${f.orgId}/settings`, who: "org.delete" },
  { pattern: "/org/[orgId]/legal-rep", path: (f) => `/org/${f.orgId}/legal-rep`, who: "anyUser" },
  { pattern: "/m/org/[orgId]", path: (f) => `/m/org/${f.orgId}`, who: "org.view" },
  { pattern: "/m/org/[orgId]/members", path: (f) => `/m/org/${f.orgId}/members`, who: "members.view" },
  { pattern: "/m/org/[orgId]/requests", path: (f) => `/m/org/${f.orgId}/requests`, who: "org.view" },
  { pattern: "/m/org/[orgId]/authorizations", path: (f) => `/m/org/${f.orgId}/authorizations`, who: "org.view" },
  { pattern: "/m/org/[orgId]/seals", path: (f) => `/m/org/${f.orgId}/seals`, who: "org.view" },
  { pattern: "/api/org/[orgId]/usage.csv", path: (f) => `/api/org/${f.orgId}/usage.csv`, who: "org.view" },
  { pattern: "/api/org/[orgId]/transfer-form", path: (f) => `/api/org/${f.orgId}/transfer-form?to=${f.colleagueUserId}`, who: "org.transferAdmin" },
];

/** Writes through route handlers (not GET): one call per caller. */
const POST_ROUTES: Record<string, Who> = { "/api/org/[orgId]/transfer-paper": "org.transferAdmin", "/api/org/[orgId]/seals": "seals.manage" };
/** Routes checked elsewhere in this file with a resource of their own. */
const OWN_CHECK_ROUTES = new Set(["/api/org/signatures/[signatureId]"]);

function may(caller: Caller, who: Who, signer?: Caller): boolean {
  if (who === "anyUser") return true;
  if (who === "signer") return caller === signer;
  if (caller === "outsider") return false;
  return (ORG_ROLE_PERMISSIONS[ORG_ROLE[caller]] as readonly OrgPermission[]).includes(who);
}

const orgPagePatterns = () => PAGE_ROWS.map((r) => r.pattern).filter((p) => !p.startsWith("/api/"));

test("every org action, route and page has a row in the matrix", () => {
  const sources = serverActionSources().filter((s) => s.file.startsWith(ORG_ACTIONS) && !CONSOLE_ACTIONS.has(s.file));
  const keys = sources.flatMap((s) => s.exports.map((e) => `${s.file}#${e}`));
  const rowKeys = new Set(ACTION_ROWS.map((r) => r.key));
  expect(keys.filter((k) => !rowKeys.has(k)), "org actions without a row").toEqual([]);
  expect([...rowKeys].filter((k) => !keys.includes(k)), "rows for actions that no longer exist").toEqual([]);

  const routes = routeTable().filter((r) => r.pattern.startsWith("/api/org/"));
  const covered = new Set([...PAGE_ROWS.map((r) => r.pattern), ...Object.keys(POST_ROUTES), ...OWN_CHECK_ROUTES]);
  expect(routes.map((r) => r.pattern).filter((p) => !covered.has(p)), "org routes without a row").toEqual([]);

  const pages = pageTable()
    .map((p) => p.pattern)
    .filter((p) => p.startsWith("/org/[orgId]") || p.startsWith("/m/org/[orgId]"));
  expect(pages.filter((p) => !orgPagePatterns().includes(p)), "enterprise pages without a row").toEqual([]);
});

const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3200}`;

test.describe("called over HTTP by every role", () => {
  const ctx = {} as Record<Caller, APIRequestContext>;
  let f: Fixture;
  let actions: Map<string, ActionEntry>;

  test.beforeAll(async ({ playwright }) => {
    const table = actionTable();
    expect(table, "no server-reference-manifest.json: run `next build` first").not.toBeNull();
    actions = new Map(table!.map((x) => [x.key, x]));
    for (const role of ROLES) ctx[role] = await playwright.request.newContext({ baseURL });
    const phones = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await loginRequestAs(ctx[role])] as const))) as Record<Caller, string>;
    const res = await ctx.admin.post("/api/dev/fixture-org-matrix", {
      data: { phones: { certAdmin: phones.certAdmin, sealAdmin: phones.sealAdmin, member: phones.member, legalRep: phones.legalRep, outsider: phones.outsider } },
    });
    expect(res.status(), await res.text()).toBe(201);
    f = (await res.json()) as Fixture;
  });

  test.afterAll(async () => {
    await Promise.all(ROLES.map((r) => ctx[r]?.dispose()));
  });

  test("0 unauthorized successes; outsiders get NOT_FOUND; the first role that may is not refused", async () => {
    const failures: string[] = [];
    let unauthorizedCalls = 0;
    let authorizedCalls = 0;
    let signatureId: string | null = null;

    // Pages and GET routes first (nothing has changed yet).
    for (const row of PAGE_ROWS) {
      for (const caller of ROLES) {
        const res = await ctx[caller].get(row.path(f), { maxRedirects: 0, failOnStatusCode: false, timeout: 60_000 });
        const status = res.status();
        const allowed = may(caller, row.who);
        if (allowed) {
          authorizedCalls++;
          if (status !== 200) failures.push(`${row.pattern} as ${caller}: ${status}, expected 200`);
        } else {
          unauthorizedCalls++;
          const ok = caller === "outsider" ? status === 404 : status === 403 || status === 404;
          if (!ok) failures.push(`${row.pattern} as ${caller}: ${status}, expected ${caller === "outsider" ? "404" : "403/404"}`);
        }
      }
    }

    const runActions = async (rows: ActionRow[]) => {
      for (const row of rows) {
        const action = actions.get(row.key);
        if (!action) {
          failures.push(`${row.key}: not in the build (no page uses it)`);
          continue;
        }
        // Within a row the callers that may not come first: an allowed call may change the state (a legal
        // person's approval moves the request to the administrator's stage).
        const callers = [...ROLES].sort((x, y) => Number(may(x, row.who)) - Number(may(y, row.who)));
        let firstAllowedSeen = false;
        for (const caller of callers) {
          const call = await callAction(ctx[caller], action, row.args(f), { timeout: 60_000, headers: { Origin: baseURL } });
          const ok = isActionResult(call.result) && call.result.ok;
          const code = errorCodeOf(call);
          const label = `${row.label} (${row.key.split("#")[1]}) as ${caller}`;
          if (call.thrown !== null) failures.push(`${label}: threw ${call.thrown.slice(0, 120)}`);
          if (may(caller, row.who)) {
            authorizedCalls++;
            if (!row.businessRefusal && (code === "forbidden" || code === "unauthorized")) failures.push(`${label}: refused (${code})`);
            if (!firstAllowedSeen && row.expectOk && !ok) failures.push(`${label}: expected ok, got ${code ?? call.status}`);
            firstAllowedSeen = true;
            if (ok && row.label.includes("administrator's stage")) {
              const data = (call.result as { data: { signatureId?: string } }).data;
              signatureId = data.signatureId ?? null;
            }
          } else {
            unauthorizedCalls++;
            if (ok) failures.push(`${label}: SUCCEEDED without ${row.who}`);
            else if (caller === "outsider" && code !== "not_found") failures.push(`${label}: ${code}, an outsider must get not_found`);
            else if (caller !== "outsider" && code !== "forbidden" && code !== "not_found") failures.push(`${label}: ${code}, expected forbidden or not_found`);
          }
        }
      }
    };
    await runActions(ACTION_ROWS.filter((r) => !r.final));

    // Route handlers that write.
    for (const [pattern, who] of Object.entries(POST_ROUTES)) {
      for (const caller of ROLES) {
        const res = await ctx[caller].post(fillPattern(pattern, { orgId: f.orgId }), {
          multipart: { toUserId: f.colleagueUserId, file: { name: "form.png", mimeType: "image/png", buffer: TINY_PNG } },
          headers: { Origin: baseURL },
          failOnStatusCode: false,
          timeout: 30_000,
        });
        const status = res.status();
        if (may(caller, who)) {
          authorizedCalls++;
          if (status === 403 || status === 404 || status === 401) failures.push(`POST ${pattern} as ${caller}: refused ${status}`);
        } else {
          unauthorizedCalls++;
          const ok = caller === "outsider" ? status === 404 : status === 403 || status === 404;
          if (!ok) failures.push(`POST ${pattern} as ${caller}: ${status}, expected refusal`);
        }
      }
    }

    // The letter's state: its signer only (the administrator who approved the join above).
    expect(signatureId, "the administrator's approval returned no letter").not.toBeNull();
    for (const caller of ROLES) {
      const res = await ctx[caller].get(`/api/org/signatures/${signatureId}`, { failOnStatusCode: false });
      if (may(caller, "signer", "admin")) {
        authorizedCalls++;
        if (res.status() !== 200) failures.push(`GET /api/org/signatures/[id] as ${caller}: ${res.status()}`);
      } else {
        unauthorizedCalls++;
        if (res.status() !== 404) failures.push(`GET /api/org/signatures/[id] as ${caller}: ${res.status()}, expected 404`);
      }
    }

    await runActions(ACTION_ROWS.filter((r) => r.final));

    console.log(`org permission matrix: ${ROLES.length} callers, ${ACTION_ROWS.length} action rows, ${PAGE_ROWS.length + Object.keys(POST_ROUTES).length + 1} pages and routes; ${unauthorizedCalls} calls that must be refused, ${authorizedCalls} that must not; ${failures.length} unexpected`);
    expect(failures).toEqual([]);
  });
});

// A 1×1 PNG (content-checked uploads).
const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
