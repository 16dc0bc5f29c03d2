import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseCrl } from "@/lib/pki/crl/parse-crl";
import { buildOcspRequest } from "@/lib/pki/ocsp/build-ocsp-request";
import { parseOcspResponse } from "@/lib/pki/ocsp/parse-ocsp-response";
import { ensureCaHierarchy, type CaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { getLatestCrl } from "@/lib/server/ca/get-latest-crl";
import { respondOcsp } from "@/lib/server/ca/ocsp-respond";
import { addMember } from "@/lib/server/org/add-member";
import { changeMemberRole } from "@/lib/server/org/change-member-role";
import { deleteOrganization } from "@/lib/server/org/delete-organization";
import { getOrganizationOverview } from "@/lib/server/org/get-organization-overview";
import { listMemberCertificates } from "@/lib/server/org/list-member-certificates";
import { listMembers } from "@/lib/server/org/list-members";
import { listMyOrganizations } from "@/lib/server/org/list-my-organizations";
import { removeMember } from "@/lib/server/org/remove-member";
import { requireMember } from "@/lib/server/org/require-member";
import { revokeMemberCertificate } from "@/lib/server/org/revoke-member-certificate";
import { jobHandlers } from "@/lib/server/jobs/job-handlers";
import { createPlatform } from "../support/platform-fixtures";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { enterpriseWithMembers } from "./org-fixtures";
import { uniqueIdNumber } from "./orders-fixtures";

let hierarchy: CaHierarchy;
beforeAll(async () => {
  hierarchy = await ensureCaHierarchy();
});

/** What the OCSP responder answers for a certificate right now (a fresh request, no cache in between). */
async function ocspStatus(der: Uint8Array) {
  const request = buildOcspRequest({ certificate: der, issuer: hierarchy.issuing.certDer, options: { nonce: true } }).der;
  const answer = await respondOcsp({ request: { der: request } });
  return parseOcspResponse(answer.der).responses[0];
}

async function crlSerials() {
  const crl = await getLatestCrl({ caId: hierarchy.issuing.id });
  return parseCrl(crl.der).entries;
}

function oneSuccess(results: PromiseSettledResult<unknown>[], failure: string[] = ["conflict"]) {
  const ok = results.filter((r) => r.status === "fulfilled");
  expect(ok).toHaveLength(1);
  for (const r of results) {
    if (r.status === "rejected") {
      expect(r.reason).toBeInstanceOf(AppError);
      expect(failure).toContain((r.reason as AppError).code);
    }
  }
  return (ok[0] as PromiseFulfilledResult<unknown>).value;
}

describe("outsiders, removed members and roles without the permission", () => {
  it("every function: NOT_FOUND for an outsider and a removed member, FORBIDDEN for roles without the permission", async () => {
    const e = await enterpriseWithMembers();
    const outsider = await createUser();
    const removed = await createUser();
    await db.membership.create({ data: { orgId: e.org.id, userId: removed.id, role: "CERT_ADMIN", status: "REMOVED", removedAt: new Date() } });
    const aliceM = await e.membershipOf(e.alice.user.id);
    const aliceCert = e.alice.download.issued.certificates[0]!.id;
    const orgId = e.org.id;
    const calls: Record<string, (userId: string) => Promise<unknown>> = {
      overview: (userId) => getOrganizationOverview({ userId, orgId }),
      listMembers: (userId) => listMembers({ userId, orgId }),
      listMemberCertificates: (userId) => listMemberCertificates({ userId, orgId, memberId: aliceM.id }),
      addMember: (userId) => addMember({ userId, orgId, input: { name: "王不存在", idNumber: uniqueIdNumber(), phone: "19900000000" } }),
      removeMember: (userId) => removeMember({ userId, orgId, memberId: "no-such-member" }),
      changeMemberRole: (userId) => changeMemberRole({ userId, orgId, memberId: "no-such-member", role: "SEAL_ADMIN" }),
      revokeMemberCertificate: (userId) => revokeMemberCertificate({ userId, orgId, certificateId: "no-such-certificate" }),
      deleteOrganization: (userId) => deleteOrganization({ userId, orgId, confirmName: "不是这个名字" }),
    };
    for (const [name, call] of Object.entries(calls)) {
      await expectAppError(call(outsider.id), "not_found").catch((err) => { throw new Error(`${name} outsider: ${String(err)}`); });
      await expectAppError(call(removed.id), "not_found").catch((err) => { throw new Error(`${name} removed: ${String(err)}`); });
    }
    // The permission matrix: who is FORBIDDEN where (everyone else reaches the function's own checks).
    const forbidden: Record<string, string[]> = {
      overview: [],
      listMembers: ["alice", "sealAdmin", "legalRep"],
      listMemberCertificates: ["alice", "sealAdmin", "legalRep"],
      addMember: ["alice", "certAdmin", "sealAdmin", "legalRep"],
      removeMember: ["alice", "certAdmin", "sealAdmin", "legalRep"],
      changeMemberRole: ["alice", "certAdmin", "sealAdmin", "legalRep"],
      revokeMemberCertificate: ["alice", "sealAdmin", "legalRep"],
      deleteOrganization: ["alice", "certAdmin", "sealAdmin", "legalRep"],
    };
    const who = { admin: e.admin.user.id, alice: e.alice.user.id, certAdmin: e.certAdmin.id, sealAdmin: e.sealAdmin.id, legalRep: e.legalRep.id };
    for (const [name, call] of Object.entries(calls)) {
      for (const [role, userId] of Object.entries(who)) {
        const err = await call(userId).then(() => null, (x: unknown) => x);
        if (forbidden[name]!.includes(role)) expect((err as AppError)?.code, `${name} as ${role}`).toBe("forbidden");
        else expect((err as AppError | null)?.code, `${name} as ${role}`).not.toBe("forbidden");
      }
    }
    // Nothing was changed by the refused calls.
    expect(await db.certificate.findUniqueOrThrow({ where: { id: aliceCert } })).toMatchObject({ status: "VALID" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).deletedAt).toBeNull();
  });
});

describe("list-members, overview, list-member-certificates", () => {
  it("lists ACTIVE members administrator first with masked phones and VALID certificate counts; the overview counts and the change entry's certificates", async () => {
    const e = await enterpriseWithMembers();
    const members = await listMembers({ userId: e.certAdmin.id, orgId: e.org.id });
    expect(members[0]).toMatchObject({ userId: e.admin.user.id, role: "ADMIN", validCertificates: 2 });
    expect(members).toHaveLength(6);
    const alice = members.find((m) => m.userId === e.alice.user.id)!;
    expect(alice).toMatchObject({ role: "MEMBER", validCertificates: 2, isMe: false });
    expect(alice.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(alice.phone).not.toBe(e.alice.user.phone);
    expect(members.find((m) => m.userId === e.certAdmin.id)).toMatchObject({ validCertificates: 0, isMe: true });

    const overview = await getOrganizationOverview({ userId: e.admin.user.id, orgId: e.org.id });
    expect(overview).toMatchObject({ myRole: "ADMIN", counts: { members: 6, validCertificates: 6, authorizations: 0, openRequests: 0 }, can: { delete: true, manageMembers: true } });
    expect(overview.org).toMatchObject({ name: e.enterprise.name, uscc: e.enterprise.uscc });
    expect(overview.org.legalRepIdNumber).not.toBe(e.enterprise.legalRepIdNumber);
    expect(overview.certificates).toHaveLength(6);
    const asMember = await getOrganizationOverview({ userId: e.alice.user.id, orgId: e.org.id });
    expect(asMember).toMatchObject({ myRole: "MEMBER", can: { delete: false, viewMembers: false, edit: false } });
    expect(asMember.certificates).toEqual([]);

    const aliceM = await e.membershipOf(e.alice.user.id);
    const certs = await listMemberCertificates({ userId: e.certAdmin.id, orgId: e.org.id, memberId: aliceM.id });
    expect(certs.certificates.map((c) => c.usage).sort()).toEqual(["ENCRYPT", "SIGN"]);
    // A membership of another organization is NOT_FOUND here.
    const other = await enterpriseWithMembers();
    const foreign = await other.membershipOf(other.alice.user.id);
    await expectAppError(listMemberCertificates({ userId: e.admin.user.id, orgId: e.org.id, memberId: foreign.id }), "not_found");
  });
});

describe("add-member", () => {
  it("needs an account with that phone and a matching name (and ID where one is on record); MEMBER via admin with an inbox message; CONFLICT when already a member; a removed member comes back", async () => {
    const e = await enterpriseWithMembers();
    const person = await createUser();
    const idNumber = uniqueIdNumber();
    const add = (input: Record<string, unknown>) => addMember({ userId: e.admin.user.id, orgId: e.org.id, input: { name: person.name, idNumber, phone: person.phone, ...input } });

    const wrongName = await expectAppError(add({ name: "错误姓名" }), "validation_failed");
    expect(wrongName.userMessage).toBe("orgMembers.errors.noSuchPerson");
    await expectAppError(add({ phone: "19900000001" }), "validation_failed");
    await expectAppError(add({ idNumber: "123" }), "validation_failed");
    await db.user.update({ where: { id: person.id }, data: { realName: "赵六", idNumberMasked: idNumber.slice(0, 6) + "********" + idNumber.slice(-4) } });
    await expectAppError(add({}), "validation_failed"); // the account name no longer counts once a real name is on record
    await expectAppError(add({ name: "赵六", idNumber: uniqueIdNumber() }), "validation_failed");

    const added = await add({ name: "赵六" });
    expect(added.userId).toBe(person.id);
    expect((await requireMember({ userId: person.id, orgId: e.org.id })).role).toBe("MEMBER");
    const audit = await db.auditLog.findFirst({ where: { action: "org.member_added", targetId: e.org.id, actorId: e.admin.user.id } });
    expect(audit?.data).toEqual({ userId: person.id, role: "MEMBER", via: "admin" });
    const inbox = await db.inboxMessage.findFirst({ where: { userId: person.id } });
    expect(inbox?.title).toContain(e.enterprise.name);
    expect(inbox?.link).toBe(`/m/org/${e.org.id}`);
    expect(JSON.stringify(audit?.data)).not.toContain(idNumber);

    expect((await expectAppError(add({ name: "赵六" }), "conflict")).userMessage).toBe("orgMembers.errors.alreadyMember");

    await db.membership.update({ where: { id: added.memberId }, data: { status: "REMOVED", removedAt: new Date() } });
    const back = await add({ name: "赵六" });
    expect(back.memberId).toBe(added.memberId);
  });

  it("10 parallel additions of one person: one success", async () => {
    const e = await enterpriseWithMembers();
    const person = await createUser();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => addMember({ userId: e.admin.user.id, orgId: e.org.id, input: { name: person.name, idNumber: uniqueIdNumber(), phone: person.phone } })),
    );
    oneSuccess(results);
    expect(await db.membership.count({ where: { orgId: e.org.id, userId: person.id } })).toBe(1);
    expect(await db.inboxMessage.count({ where: { userId: person.id } })).toBe(1);
  });
});

describe("remove-member", () => {
  it("revokes every VALID certificate of this organization the member holds (OCSP and CRL say revoked, affiliationChanged) and their authorizations; not the ADMIN, not oneself", async () => {
    const e = await enterpriseWithMembers();
    const aliceM = await e.membershipOf(e.alice.user.id);
    const der = await db.certificate.findMany({ where: { userId: e.alice.user.id, orgId: e.org.id }, select: { id: true, der: true, serialHex: true } });
    expect(der).toHaveLength(2);
    for (const c of der) expect((await ocspStatus(c.der))?.status).toBe("good");
    const platforms = [await createPlatform(), await createPlatform()];
    await db.platformAuthorization.createMany({ data: platforms.map((p) => ({ orgId: e.org.id, membershipId: aliceM.id, platformId: p.platform.id, grantedById: e.admin.user.id })) });
    const bobM = await e.membershipOf(e.bob.user.id);
    await db.platformAuthorization.create({ data: { orgId: e.org.id, membershipId: bobM.id, platformId: platforms[0]!.platform.id, grantedById: e.admin.user.id } });

    const adminM = await e.membershipOf(e.admin.user.id);
    expect((await expectAppError(removeMember({ userId: e.admin.user.id, orgId: e.org.id, memberId: adminM.id }), "conflict")).userMessage).toBe("orgMembers.errors.removeSelf");

    const out = await removeMember({ userId: e.admin.user.id, orgId: e.org.id, memberId: aliceM.id });
    expect(out).toMatchObject({ userId: e.alice.user.id, revoked: 2, authorizationsRevoked: 2 });
    const after = await db.membership.findUniqueOrThrow({ where: { id: aliceM.id } });
    expect(after.status).toBe("REMOVED");
    expect(after.removedAt).not.toBeNull();
    await expectAppError(requireMember({ userId: e.alice.user.id, orgId: e.org.id }), "not_found");

    const entries = await crlSerials();
    for (const c of der) {
      const status = await ocspStatus(c.der);
      expect(status).toMatchObject({ status: "revoked", reason: "affiliationChanged" });
      expect(entries.find((x) => x.serialHex === c.serialHex)).toMatchObject({ reason: "affiliationChanged" });
      expect(await db.certificate.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "REVOKED", revocationReason: 3 });
    }
    const auths = await db.platformAuthorization.findMany({ where: { membershipId: aliceM.id } });
    expect(auths.every((a) => a.status === "REVOKED" && a.revokedAt && a.revokedById === e.admin.user.id)).toBe(true);
    expect(await db.platformAuthorization.count({ where: { membershipId: bobM.id, status: "ACTIVE" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "org.authorization_revoked", targetId: e.org.id } })).toBe(2);
    const removedAudit = await db.auditLog.findFirst({ where: { action: "org.member_removed", targetId: e.org.id } });
    expect(removedAudit?.data).toEqual({ userId: e.alice.user.id, revoked: 2, authorizationsRevoked: 2 });
    // The removed member is told, in their inbox, how many certificates went with it.
    const told = await db.inboxMessage.findMany({ where: { userId: e.alice.user.id, title: { contains: "移出企业" } } });
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain("2 张");
    // Bob's and the administrator's certificates are untouched.
    expect(await db.certificate.count({ where: { orgId: e.org.id, status: "VALID" } })).toBe(4);

    // A certificate administrator cannot remove.
    await expectAppError(removeMember({ userId: e.certAdmin.id, orgId: e.org.id, memberId: bobM.id }), "forbidden");
  });

  it("the ADMIN cannot be removed: not by themselves, and nobody else holds members.manage", async () => {
    const e = await enterpriseWithMembers();
    const adminM = await e.membershipOf(e.admin.user.id);
    // Only ADMIN has members.manage; a role matrix that gave it to others must still leave the ADMIN in place.
    const err = await expectAppError(removeMember({ userId: e.admin.user.id, orgId: e.org.id, memberId: adminM.id }), "conflict");
    expect(err.userMessage).toBe("orgMembers.errors.removeSelf");
    await expectAppError(removeMember({ userId: e.certAdmin.id, orgId: e.org.id, memberId: adminM.id }), "forbidden");
    expect((await db.membership.findUniqueOrThrow({ where: { id: adminM.id } })).status).toBe("ACTIVE");
  });

  it("10 parallel removals of one member: one outcome, the certificates revoked once", async () => {
    const e = await enterpriseWithMembers();
    const bobM = await e.membershipOf(e.bob.user.id);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => removeMember({ userId: e.admin.user.id, orgId: e.org.id, memberId: bobM.id })));
    const value = oneSuccess(results, ["conflict", "not_found"]) as { revoked: number };
    expect(value.revoked).toBe(2);
    expect(await db.auditLog.count({ where: { action: "org.member_removed", targetId: e.org.id } })).toBe(1);
    expect(await db.inboxMessage.count({ where: { userId: e.bob.user.id, title: { contains: "移出企业" } } })).toBe(1);
    const bobCerts = await db.certificate.findMany({ where: { userId: e.bob.user.id, orgId: e.org.id } });
    expect(bobCerts.every((c) => c.status === "REVOKED")).toBe(true);
    expect(await db.auditLog.count({ where: { action: "certificate.revoked", targetId: { in: bobCerts.map((c) => c.id) } } })).toBe(2);
  });
});

describe("the revocation safety net", () => {
  it("removal and deletion queue org.revoke_certificates in their transaction; the job revokes what a crash left VALID and skips what is revoked", async () => {
    const e = await enterpriseWithMembers();
    const bobM = await e.membershipOf(e.bob.user.id);
    await removeMember({ userId: e.admin.user.id, orgId: e.org.id, memberId: bobM.id });
    const bobCerts = (await db.certificate.findMany({ where: { userId: e.bob.user.id, orgId: e.org.id }, select: { id: true } })).map((c) => c.id).sort();
    const jobs = await db.job.findMany({ where: { type: "org.revoke_certificates" } });
    const job = jobs.find((j) => ((j.payload as { certificateIds: string[] }).certificateIds ?? []).some((id) => bobCerts.includes(id)));
    expect(job).toBeDefined();
    expect((job!.payload as { certificateIds: string[] }).certificateIds.sort()).toEqual(bobCerts);
    expect(job!.payload).toMatchObject({ reason: "affiliationChanged", actorId: e.admin.user.id });
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now());

    // As if the process had died after the commit: Alice's certificates are still VALID when the job runs.
    const alice = await db.certificate.findMany({ where: { userId: e.alice.user.id, orgId: e.org.id }, select: { id: true, der: true } });
    await jobHandlers["org.revoke_certificates"]({ certificateIds: [...bobCerts, ...alice.map((c) => c.id)], reason: "affiliationChanged", actorId: e.admin.user.id });
    for (const c of alice) expect(await ocspStatus(c.der)).toMatchObject({ status: "revoked", reason: "affiliationChanged" });
    expect(await db.auditLog.count({ where: { action: "certificate.revoked", targetId: { in: bobCerts } } })).toBe(2);
  });
});

describe("revoke-member-certificate", () => {
  it("a certificate administrator revokes one certificate of a member without removing them (OCSP revoked, org.certificate_revoked); one outcome under 10 parallel calls", async () => {
    const e = await enterpriseWithMembers();
    const sign = await db.certificate.findFirstOrThrow({ where: { userId: e.bob.user.id, orgId: e.org.id, usage: "SIGN" } });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => revokeMemberCertificate({ userId: e.certAdmin.id, orgId: e.org.id, certificateId: sign.id })));
    oneSuccess(results);
    expect((await ocspStatus(sign.der))?.status).toBe("revoked");
    // The pair goes together (the encryption certificate of the same order too), as every revocation does.
    expect(await db.certificate.count({ where: { userId: e.bob.user.id, orgId: e.org.id, status: "VALID" } })).toBe(0);
    expect(await db.certificate.count({ where: { orderId: sign.orderId, status: "REVOKED", revocationReason: 9 } })).toBe(2);
    expect((await requireMember({ userId: e.bob.user.id, orgId: e.org.id })).status).toBe("ACTIVE");
    const audits = await db.auditLog.findMany({ where: { action: "org.certificate_revoked", targetId: e.org.id } });
    expect(audits.map((a) => a.data)).toEqual([{ serialHex: sign.serialHex, holderId: e.bob.user.id, reason: "privilegeWithdrawn" }]);
    // A certificate of another organization is NOT_FOUND here.
    const other = await enterpriseWithMembers();
    const foreign = await db.certificate.findFirstOrThrow({ where: { orgId: other.org.id, status: "VALID" } });
    await expectAppError(revokeMemberCertificate({ userId: e.admin.user.id, orgId: e.org.id, certificateId: foreign.id }), "not_found");
    expect((await db.certificate.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("VALID");
  });
});

describe("change-member-role", () => {
  it("MEMBER ↔ CERT_ADMIN ↔ SEAL_ADMIN, audited; never ADMIN or LEGAL_REP; CERT_ADMIN only where the channel allows; one outcome in parallel", async () => {
    const e = await enterpriseWithMembers();
    const aliceM = await e.membershipOf(e.alice.user.id);
    const change = (memberId: string, role: string) => changeMemberRole({ userId: e.admin.user.id, orgId: e.org.id, memberId, role });
    expect(await change(aliceM.id, "CERT_ADMIN")).toEqual({ role: "CERT_ADMIN" });
    expect(await change(aliceM.id, "SEAL_ADMIN")).toEqual({ role: "SEAL_ADMIN" });
    expect(await change(aliceM.id, "MEMBER")).toEqual({ role: "MEMBER" });
    const audits = await db.auditLog.findMany({ where: { action: "org.member_role_changed", targetId: e.org.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.data)).toEqual([
      { userId: e.alice.user.id, from: "MEMBER", to: "CERT_ADMIN" },
      { userId: e.alice.user.id, from: "CERT_ADMIN", to: "SEAL_ADMIN" },
      { userId: e.alice.user.id, from: "SEAL_ADMIN", to: "MEMBER" },
    ]);
    await expectAppError(change(aliceM.id, "ADMIN"), "validation_failed");
    await expectAppError(change(aliceM.id, "LEGAL_REP"), "validation_failed");
    const adminM = await e.membershipOf(e.admin.user.id);
    await expectAppError(change(adminM.id, "MEMBER"), "conflict");
    const legalM = await e.membershipOf(e.legalRep.id);
    await expectAppError(change(legalM.id, "MEMBER"), "conflict");

    const bobM = await e.membershipOf(e.bob.user.id);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => change(bobM.id, i % 2 ? "CERT_ADMIN" : "SEAL_ADMIN")));
    const ok = results.filter((r) => r.status === "fulfilled");
    // Every success changed the role from what it read: the audit trail is one consistent chain from MEMBER.
    const chain = (await db.auditLog.findMany({ where: { action: "org.member_role_changed", targetId: e.org.id, data: { path: ["userId"], equals: e.bob.user.id } }, orderBy: { id: "asc" } })).map((a) => a.data as { from: string; to: string });
    expect(chain[0]!.from).toBe("MEMBER");
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.from).toBe(chain[i - 1]!.to);
    expect((await db.membership.findUniqueOrThrow({ where: { id: bobM.id } })).role).toBe(chain.at(-1)!.to);
    expect(ok.length).toBeGreaterThanOrEqual(1);

    const strict = await enterpriseWithMembers({ allowCertAdmins: false });
    const m = await strict.membershipOf(strict.alice.user.id);
    const err = await expectAppError(changeMemberRole({ userId: strict.admin.user.id, orgId: strict.org.id, memberId: m.id, role: "CERT_ADMIN" }), "conflict");
    expect(err.userMessage).toBe("orgMembers.errors.certAdminsNotAllowed");
    await changeMemberRole({ userId: strict.admin.user.id, orgId: strict.org.id, memberId: m.id, role: "SEAL_ADMIN" });
  });

  it("10 parallel changes of one member to the same role: one audited change", async () => {
    const e = await enterpriseWithMembers();
    const aliceM = await e.membershipOf(e.alice.user.id);
    await Promise.allSettled(Array.from({ length: 10 }, () => changeMemberRole({ userId: e.admin.user.id, orgId: e.org.id, memberId: aliceM.id, role: "SEAL_ADMIN" })));
    expect(await db.auditLog.count({ where: { action: "org.member_role_changed", targetId: e.org.id } })).toBe(1);
    expect((await db.membership.findUniqueOrThrow({ where: { id: aliceM.id } })).role).toBe("SEAL_ADMIN");
  });
});

describe("delete-organization", () => {
  it("typed name; revokes all VALID certificates (cessationOfOperation), voids seals, revokes authorizations, sets deletedAt; then NOT_FOUND and unlisted; one outcome in parallel", async () => {
    const e = await enterpriseWithMembers();
    await db.seal.createMany({ data: [{ orgId: e.org.id, name: "公章", kind: "OFFICIAL", imageKey: "x", status: "APPROVED" }, { orgId: e.org.id, name: "合同章", kind: "CONTRACT", imageKey: "y", status: "PENDING_REVIEW" }] });
    const platform = await createPlatform();
    await db.platformAuthorization.create({ data: { orgId: e.org.id, membershipId: (await e.membershipOf(e.alice.user.id)).id, platformId: platform.platform.id, grantedById: e.admin.user.id } });
    const certs = await db.certificate.findMany({ where: { orgId: e.org.id } });
    expect(certs).toHaveLength(6);

    const mismatch = await expectAppError(deleteOrganization({ userId: e.admin.user.id, orgId: e.org.id, confirmName: "别的公司" }), "validation_failed");
    expect(mismatch.userMessage).toBe("orgMembers.errors.nameMismatch");
    expect((await db.organization.findUniqueOrThrow({ where: { id: e.org.id } })).deletedAt).toBeNull();

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => deleteOrganization({ userId: e.admin.user.id, orgId: e.org.id, confirmName: e.enterprise.name })));
    const value = oneSuccess(results, ["conflict", "not_found"]) as { revoked: number };
    expect(value.revoked).toBe(6);
    expect((await db.organization.findUniqueOrThrow({ where: { id: e.org.id } })).deletedAt).not.toBeNull();
    expect(await db.seal.count({ where: { orgId: e.org.id, status: { not: "VOIDED" } } })).toBe(0);
    expect(await db.platformAuthorization.count({ where: { orgId: e.org.id, status: "ACTIVE" } })).toBe(0);
    const entries = await crlSerials();
    for (const c of certs) {
      expect(await ocspStatus(c.der)).toMatchObject({ status: "revoked", reason: "cessationOfOperation" });
      expect(entries.some((x) => x.serialHex === c.serialHex)).toBe(true);
    }
    const audit = await db.auditLog.findMany({ where: { action: "org.deleted", targetId: e.org.id } });
    expect(audit.map((a) => a.data)).toEqual([{ revoked: 6, sealsVoided: 2 }]);
    const ids = certs.map((c) => c.id).sort();
    const net = (await db.job.findMany({ where: { type: "org.revoke_certificates" } })).filter((j) => (j.payload as { certificateIds: string[] }).certificateIds.includes(ids[0]!));
    expect(net.map((j) => ({ ...(j.payload as object), certificateIds: (j.payload as { certificateIds: string[] }).certificateIds.sort() }))).toEqual([{ certificateIds: ids, reason: "cessationOfOperation", actorId: e.admin.user.id }]);

    await expectAppError(requireMember({ userId: e.admin.user.id, orgId: e.org.id }), "not_found");
    await expectAppError(getOrganizationOverview({ userId: e.admin.user.id, orgId: e.org.id }), "not_found");
    expect((await listMyOrganizations({ userId: e.admin.user.id })).map((o) => o.orgId)).not.toContain(e.org.id);
  });
});
