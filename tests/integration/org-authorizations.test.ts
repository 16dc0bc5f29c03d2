import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { grantAuthorization } from "@/lib/server/org/grant-authorization";
import { listAuthorizations } from "@/lib/server/org/list-authorizations";
import { revokeAuthorization } from "@/lib/server/org/revoke-authorization";
import { ensureDeskPlatform } from "@/lib/server/platforms/ensure-desk-platform";
import { listPlatforms } from "@/lib/server/platforms/list-platforms";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { addMember, createPlatform, holderOf, orgWithAdmin, signLetter } from "./org-support";
import { useOwnDatabase } from "./own-database";

// A database of its own on PostgreSQL: it counts the desk's own platform rows, which other files must not see.
await useOwnDatabase("org_authorizations");

describe("授权管理: grant through a signed letter, revoke, list", () => {
  it("grant → the letter signed on the phone → rows; an existing ACTIVE one is kept; revoke once (10 parallel → 1); history keeps it", async () => {
    const { org, admin, holder } = await orgWithAdmin();
    const [p1, p2] = [await createPlatform("甲平台"), await createPlatform("乙平台")];
    const { user: member, membership } = await addMember(org.id, "MEMBER");
    await db.platformAuthorization.create({ data: { orgId: org.id, membershipId: membership.id, platformId: p1.id, grantedById: admin.id } });

    const letter = await grantAuthorization({ userId: admin.id, input: { orgId: org.id, userId: member.id, platformIds: [p1.id, p2.id] } });
    expect(letter.letterText).toContain("甲平台");
    expect(letter.letterText).toContain("乙平台");
    expect(await db.platformAuthorization.count({ where: { membershipId: membership.id } })).toBe(1);
    await signLetter(holder, letter.qrContent);
    const rows = await db.platformAuthorization.findMany({ where: { membershipId: membership.id, status: "ACTIVE" } });
    expect(rows.map((r) => r.platformId).sort()).toEqual([p1.id, p2.id].sort());
    expect(rows.find((r) => r.platformId === p2.id)!.signatureId).toBe(letter.signatureId);
    expect(rows.find((r) => r.platformId === p1.id)!.signatureId).toBeNull();

    const list = await listAuthorizations({ userId: admin.id, orgId: org.id });
    expect(list.canManage).toBe(true);
    expect(list.byPerson.find((g) => g.member.userId === member.id)!.authorizations).toHaveLength(2);
    expect(list.byPlatform.map((g) => g.platform.id).sort()).toEqual([p1.id, p2.id].sort());

    const target = rows.find((r) => r.platformId === p2.id)!;
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => revokeAuthorization({ userId: admin.id, input: { orgId: org.id, authorizationId: target.id } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(await db.auditLog.count({ where: { targetId: org.id, action: "org.authorization_revoked" } })).toBe(1);
    const after = await listAuthorizations({ userId: admin.id, orgId: org.id });
    expect(after.byPlatform.map((g) => g.platform.id)).toEqual([p1.id]);
    expect(after.history.find((h) => h.id === target.id)).toMatchObject({ status: "REVOKED" });

    // Members see only their own; outsiders nothing.
    const { user: other, membership: otherM } = await addMember(org.id, "MEMBER");
    await db.platformAuthorization.create({ data: { orgId: org.id, membershipId: otherM.id, platformId: p1.id, grantedById: admin.id } });
    const mine = await listAuthorizations({ userId: member.id, orgId: org.id });
    expect(mine.canManage).toBe(false);
    expect(new Set(mine.history.map((h) => h.member.userId))).toEqual(new Set([member.id]));
    expect(mine.members).toEqual([]);
    void other;
    await expectAppError(listAuthorizations({ userId: (await createUser()).id, orgId: org.id }), "not_found");
  });

  it("10 parallel letters for the same member and platform → one ACTIVE row", async () => {
    const { org, admin, holder } = await orgWithAdmin();
    const p = await createPlatform();
    const { user: member, membership } = await addMember(org.id, "MEMBER");
    const letters = await Promise.all(Array.from({ length: 10 }, () => grantAuthorization({ userId: admin.id, input: { orgId: org.id, userId: member.id, platformIds: [p.id] } })));
    // Signed one after the other on the phone (one SIGN per request), applied in parallel.
    const { openScanRequest } = await import("@/lib/server/scan/open-scan-request");
    const { completeScanRequest } = await import("@/lib/server/scan/complete-scan-request");
    const { scanCms, PIN } = await import("./scan-phone-support");
    const { applyOrgSignature } = await import("@/lib/server/org/apply-org-signature");
    const scanIds: string[] = [];
    for (const l of letters) {
      const opened = await openScanRequest({ userId: admin.id, token: new URL(l.qrContent).pathname.split("/").pop()! });
      const result = await scanCms(holder as never, opened.id, String(opened.payload.digest), PIN);
      await completeScanRequest({ userId: admin.id, id: opened.id, certificateId: holder.sign.cert.id, result });
      scanIds.push(opened.id);
    }
    await Promise.all(scanIds.map((scanRequestId) => applyOrgSignature({ scanRequestId })));
    expect(await db.platformAuthorization.count({ where: { membershipId: membership.id, platformId: p.id, status: "ACTIVE" } })).toBe(1);
    expect(await db.auditLog.count({ where: { targetId: org.id, action: "org.authorization_granted" } })).toBe(1);
  });

  it("permissions: outsiders NOT_FOUND, members FORBIDDEN, a certificate administrator may grant; a removed member cannot be granted", async () => {
    const { org, channel } = await orgWithAdmin();
    const p = await createPlatform();
    const { user: member } = await addMember(org.id, "MEMBER");
    const { user: removed } = await addMember(org.id, "MEMBER", "REMOVED");
    const outsider = await createUser();
    const input = { orgId: org.id, userId: member.id, platformIds: [p.id] };
    await expectAppError(grantAuthorization({ userId: outsider.id, input }), "not_found");
    await expectAppError(grantAuthorization({ userId: member.id, input }), "forbidden");
    await expectAppError(grantAuthorization({ userId: removed.id, input }), "not_found");
    const { user: certAdmin } = await addMember(org.id, "CERT_ADMIN");
    await expectAppError(grantAuthorization({ userId: certAdmin.id, input: { ...input, userId: removed.id } }), "not_found");
    const certAdminHolder = await holderOf(certAdmin, org, channel.id);
    const letter = await grantAuthorization({ userId: certAdmin.id, input });
    await signLetter(certAdminHolder, letter.qrContent);
    expect(await db.platformAuthorization.count({ where: { orgId: org.id, membership: { userId: member.id }, status: "ACTIVE" } })).toBe(1);
    const row = await db.platformAuthorization.findFirstOrThrow({ where: { orgId: org.id, membership: { userId: member.id } } });
    await expectAppError(revokeAuthorization({ userId: member.id, input: { orgId: org.id, authorizationId: row.id } }), "forbidden");
    await expectAppError(revokeAuthorization({ userId: outsider.id, input: { orgId: org.id, authorizationId: row.id } }), "not_found");
    // An authorization of another organization is NOT_FOUND through this one.
    const { org: other, admin: otherAdmin } = await orgWithAdmin();
    await expectAppError(revokeAuthorization({ userId: otherAdmin.id, input: { orgId: other.id, authorizationId: row.id } }), "not_found");
  });

  it("the desk's own platform: one row under 10 parallel first uses, never listed to the console", async () => {
    const rows = await Promise.all(Array.from({ length: 10 }, () => ensureDeskPlatform()));
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
    expect(await db.tradingPlatform.count({ where: { isDesk: true } })).toBe(1);
    const admin = await createUser({ role: "CA_ADMIN" });
    expect((await listPlatforms({ user: admin })).some((p) => p.isDesk)).toBe(false);
  });
});
