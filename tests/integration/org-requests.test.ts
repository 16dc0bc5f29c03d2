import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createJoinRequest } from "@/lib/server/org/create-join-request";
import { createCertRequest } from "@/lib/server/org/create-cert-request";
import { decideOrgRequest } from "@/lib/server/org/decide-org-request";
import { getOrgSignature } from "@/lib/server/org/get-org-signature";
import { listOrgRequests } from "@/lib/server/org/list-org-requests";
import { verifyLegalRep } from "@/lib/server/org/verify-legal-rep";
import { onOrderPaid } from "@/lib/server/orders/on-order-paid";
import { SANDBOX_FAIL_PHONE } from "@/lib/identity/sandbox-identities";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { addMember, createPlatform, holderOf, orgWithAdmin, signLetter, verifiedUser } from "./org-support";

async function joinInput(org: { uscc: string }, admin: { realName: string | null; phone: string }, platformIds: string[]) {
  return { uscc: org.uscc, adminName: admin.realName!, adminPhone: admin.phone, platformIds, years: 1 };
}

async function pay(orderId: string) {
  await db.$transaction((tx) => onOrderPaid(tx, { orderId, paymentId: "test-payment" }));
  return db.order.findUniqueOrThrow({ where: { id: orderId } });
}

describe("加入企业: join request → administrator signs the letter on the phone → member, authorizations, order", () => {
  it("the whole join with a real phone signature", async () => {
    const { org, admin, holder } = await orgWithAdmin();
    const [p1, p2] = [await createPlatform(), await createPlatform()];
    const joiner = await verifiedUser("赵加入");
    const before = new Date();
    const created = await createJoinRequest({ userId: joiner.id, input: await joinInput(org, admin, [p1.id, p2.id]) });
    expect(created).toMatchObject({ orgId: org.id, status: "PENDING_ADMIN" });
    // The administrator is told (inbox + SMS job), naming the joiner.
    const inbox = await db.inboxMessage.findFirstOrThrow({ where: { userId: admin.id }, orderBy: { createdAt: "desc" } });
    expect(inbox.title).toContain("加入企业申领");
    expect(inbox.body).toContain("赵加入");
    expect(await db.job.count({ where: { type: "notify.sms", createdAt: { gte: before } } })).toBeGreaterThan(0);

    const pending = await listOrgRequests({ userId: admin.id, orgId: org.id });
    expect(pending.pending.map((r) => r.id)).toEqual([created.requestId]);
    expect((await listOrgRequests({ userId: joiner.id, orgId: org.id })).mine.map((r) => r.id)).toEqual([created.requestId]);

    const decided = await decideOrgRequest({ userId: admin.id, input: { requestId: created.requestId, decision: "approve" } });
    if (decided.outcome !== "sign") throw new Error("expected a letter to sign");
    expect(decided.letterText).toContain("赵加入");
    expect(decided.letterText).toContain(org.uscc);
    expect((await getOrgSignature({ userId: admin.id, signatureId: decided.signatureId })).status).toBe("PENDING");
    await expectAppError(getOrgSignature({ userId: joiner.id, signatureId: decided.signatureId }), "not_found");
    // Not applied before the phone signs.
    expect((await db.orgRequest.findUniqueOrThrow({ where: { id: created.requestId } })).status).toBe("PENDING_ADMIN");

    await signLetter(holder, decided.qrContent);

    const sig = await getOrgSignature({ userId: admin.id, signatureId: decided.signatureId });
    expect(sig.status).toBe("APPLIED");
    const row = await db.orgSignature.findUniqueOrThrow({ where: { id: decided.signatureId } });
    expect(row.certificateSerial).toBe(holder.sign.cert.serialHex);
    const request = await db.orgRequest.findUniqueOrThrow({ where: { id: created.requestId } });
    expect(request).toMatchObject({ status: "APPROVED", decidedById: admin.id });
    const membership = await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.id, userId: joiner.id } } });
    expect(membership).toMatchObject({ role: "MEMBER", status: "ACTIVE" });
    const auths = await db.platformAuthorization.findMany({ where: { membershipId: membership.id } });
    expect(auths.map((a) => a.platformId).sort()).toEqual([p1.id, p2.id].sort());
    expect(auths.every((a) => a.status === "ACTIVE" && a.signatureId === decided.signatureId)).toBe(true);
    const order = await db.order.findUniqueOrThrow({ where: { id: request.orderId! } });
    expect(order).toMatchObject({ userId: joiner.id, orgId: org.id, kind: "NEW", subjectType: "UNIT", subjectKey: org.uscc, subjectName: org.name, years: 1, status: "AWAITING_PAYMENT", priceFen: 38000 });
    // Paid → the CA review (a join is reviewed), and the joiner was told of the decision.
    expect((await pay(order.id)).status).toBe("IN_REVIEW");
    expect(await db.inboxMessage.count({ where: { userId: joiner.id, title: { contains: "已同意" } } })).toBe(1);
    const actions = (await db.auditLog.findMany({ where: { targetId: org.id }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["org.request_created", "org.signature_requested", "org.signature_applied", "org.member_added", "org.authorization_granted", "org.request_approved"]));

    // The job running twice applies nothing twice.
    const { applyOrgSignature } = await import("@/lib/server/org/apply-org-signature");
    await applyOrgSignature({ scanRequestId: row.scanRequestId });
    expect(await db.order.count({ where: { userId: joiner.id } })).toBe(1);
  });

  it("a free enterprise: the member's order goes straight to the CA review", async () => {
    const { org, admin, holder } = await orgWithAdmin({ free: true });
    const p = await createPlatform();
    const joiner = await verifiedUser();
    const { requestId } = await createJoinRequest({ userId: joiner.id, input: await joinInput(org, admin, [p.id]) });
    const decided = await decideOrgRequest({ userId: admin.id, input: { requestId, decision: "approve" } });
    if (decided.outcome !== "sign") throw new Error("expected a letter");
    await signLetter(holder, decided.qrContent);
    const request = await db.orgRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect((await db.order.findUniqueOrThrow({ where: { id: request.orderId! } })).status).toBe("IN_REVIEW");
  });

  it("refuses an unverified user, a wrong administrator (without naming them), the desk's own platform, and a second open request (10 parallel → 1)", async () => {
    const { org, admin } = await orgWithAdmin();
    const p = await createPlatform();
    const unverified = await createUser();
    await expectAppError(createJoinRequest({ userId: unverified.id, input: await joinInput(org, admin, [p.id]) }), "forbidden", "orgRequests.errors.notVerified");
    const joiner = await verifiedUser();
    const wrongName = await expectAppError(createJoinRequest({ userId: joiner.id, input: { ...(await joinInput(org, admin, [p.id])), adminName: "张三" } }), "validation_failed");
    const wrongPhone = await expectAppError(createJoinRequest({ userId: joiner.id, input: { ...(await joinInput(org, admin, [p.id])), adminPhone: "13800000000" } }), "validation_failed");
    expect(wrongName.userMessage).toBe("orgRequests.errors.adminMismatch");
    expect(wrongPhone.userMessage).toBe(wrongName.userMessage);
    expect(JSON.stringify(wrongName)).not.toContain(admin.phone);
    const { ensureDeskPlatform } = await import("@/lib/server/platforms/ensure-desk-platform");
    const desk = await ensureDeskPlatform();
    await expectAppError(createJoinRequest({ userId: joiner.id, input: await joinInput(org, admin, [desk.id]) }), "validation_failed");

    const input = await joinInput(org, admin, [p.id]);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => createJoinRequest({ userId: joiner.id, input })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(await db.orgRequest.count({ where: { orgId: org.id, requesterId: joiner.id } })).toBe(1);
  });

  it("each stage's permission: outsiders NOT_FOUND, members FORBIDDEN; a reason is required; 10 parallel rejections → one", async () => {
    const { org, admin } = await orgWithAdmin();
    const p = await createPlatform();
    const joiner = await verifiedUser();
    const { requestId } = await createJoinRequest({ userId: joiner.id, input: await joinInput(org, admin, [p.id]) });
    const outsider = await verifiedUser();
    const { user: member } = await addMember(org.id, "MEMBER");
    const { user: certAdmin } = await addMember(org.id, "CERT_ADMIN");
    const { user: removed } = await addMember(org.id, "MEMBER", "REMOVED");
    for (const u of [outsider, removed, joiner]) await expectAppError(decideOrgRequest({ userId: u.id, input: { requestId, decision: "reject", reason: "x" } }), "not_found");
    // A join is the members' business: a certificate administrator may not answer it.
    for (const u of [member, certAdmin]) await expectAppError(decideOrgRequest({ userId: u.id, input: { requestId, decision: "approve" } }), "forbidden");
    await expectAppError(decideOrgRequest({ userId: admin.id, input: { requestId, decision: "reject" } }), "validation_failed");
    await expectAppError(listOrgRequests({ userId: outsider.id, orgId: org.id }), "not_found");
    expect((await listOrgRequests({ userId: member.id, orgId: org.id })).pending).toEqual([]);

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => decideOrgRequest({ userId: admin.id, input: { requestId, decision: "reject", reason: "不认识此人" } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(await db.orgRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "REJECTED", reason: "不认识此人", decidedById: admin.id });
    const told = await db.inboxMessage.findMany({ where: { userId: joiner.id } });
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain("不认识此人");
    expect(await db.auditLog.count({ where: { targetId: org.id, action: "org.request_rejected" } })).toBe(1);
  });

  it("a letter signed with another organization's certificate, or by a member removed meanwhile, is FAILED and changes nothing", async () => {
    const { org, admin, holder, channel } = await orgWithAdmin();
    const p = await createPlatform();
    // The same administrator also runs a second enterprise and holds its certificate.
    const { org: other } = await orgWithAdmin();
    await db.membership.create({ data: { orgId: other.id, userId: admin.id, role: "MEMBER" } });
    const otherHolder = await holderOf(admin, other, channel.id);
    expect(otherHolder.sign.cert.orgId).toBe(other.id);

    const joiner = await verifiedUser();
    const { requestId } = await createJoinRequest({ userId: joiner.id, input: await joinInput(org, admin, [p.id]) });
    const first = await decideOrgRequest({ userId: admin.id, input: { requestId, decision: "approve" } });
    if (first.outcome !== "sign") throw new Error("expected a letter");
    await signLetter(holder, first.qrContent, { certificate: otherHolder });
    expect(await db.orgSignature.findUniqueOrThrow({ where: { id: first.signatureId } })).toMatchObject({ status: "FAILED", failReason: "certificate_not_org" });
    expect((await db.orgRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING_ADMIN");
    expect(await db.membership.count({ where: { orgId: org.id, userId: joiner.id } })).toBe(0);

    // A certificate administrator answers a member's certificate request and is removed before the letter is
    // applied (the phone already refuses a removed member's scan; the job checks again): FAILED.
    const { user: certAdmin } = await addMember(org.id, "CERT_ADMIN");
    const certAdminHolder = await holderOf(certAdmin, org, channel.id);
    const { user: member } = await addMember(org.id, "MEMBER");
    const cert = await createCertRequest({ userId: member.id, input: { orgId: org.id, platformIds: [p.id], years: 1 } });
    expect(cert.status).toBe("PENDING_ADMIN");
    const letter = await decideOrgRequest({ userId: certAdmin.id, input: { requestId: cert.requestId, decision: "approve" } });
    if (letter.outcome !== "sign") throw new Error("expected a letter");
    await signLetter(certAdminHolder, letter.qrContent, {
      beforeApply: () => db.membership.update({ where: { orgId_userId: { orgId: org.id, userId: certAdmin.id } }, data: { status: "REMOVED", removedAt: new Date() } }),
    });
    expect(await db.orgSignature.findUniqueOrThrow({ where: { id: letter.signatureId } })).toMatchObject({ status: "FAILED", failReason: "signer_not_member" });
    expect((await db.orgRequest.findUniqueOrThrow({ where: { id: cert.requestId } })).status).toBe("PENDING_ADMIN");
    expect(await db.auditLog.count({ where: { targetId: org.id, action: "org.signature_failed" } })).toBe(2);
  });

  it("10 parallel applications of one signed letter → one member, one order", async () => {
    const { org, admin, holder } = await orgWithAdmin();
    const p = await createPlatform();
    const joiner = await verifiedUser();
    const { requestId } = await createJoinRequest({ userId: joiner.id, input: await joinInput(org, admin, [p.id]) });
    const decided = await decideOrgRequest({ userId: admin.id, input: { requestId, decision: "approve" } });
    if (decided.outcome !== "sign") throw new Error("expected a letter");
    const { openScanRequest } = await import("@/lib/server/scan/open-scan-request");
    const { completeScanRequest } = await import("@/lib/server/scan/complete-scan-request");
    const { scanCms, PIN } = await import("./scan-phone-support");
    const { applyOrgSignature } = await import("@/lib/server/org/apply-org-signature");
    const opened = await openScanRequest({ userId: admin.id, token: new URL(decided.qrContent).pathname.split("/").pop()! });
    const result = await scanCms(holder as never, opened.id, String(opened.payload.digest), PIN);
    await completeScanRequest({ userId: admin.id, id: opened.id, certificateId: holder.sign.cert.id, result });
    await Promise.all(Array.from({ length: 10 }, () => applyOrgSignature({ scanRequestId: opened.id })));
    expect(await db.order.count({ where: { userId: joiner.id } })).toBe(1);
    expect(await db.platformAuthorization.count({ where: { orgId: org.id, membership: { userId: joiner.id } } })).toBe(1);
    expect(await db.auditLog.count({ where: { targetId: org.id, action: "org.signature_applied" } })).toBe(1);
  });
});

describe("legal-person approval (审核查看)", () => {
  it("a verified legal representative approves first where the channel asks for it; parallel approvals → one; then the administrator", async () => {
    const { org, admin } = await orgWithAdmin({ requireLegalRepApproval: true });
    const p = await createPlatform();
    const legal = await createUser();
    await db.user.update({ where: { id: legal.id }, data: { realName: "李法人", realNameVerifiedAt: new Date() } });
    await expectAppError(verifyLegalRep({ userId: legal.id, orgId: org.id, uscc: "91110000000000000X" }), "validation_failed");
    await expectAppError(verifyLegalRep({ userId: legal.id, orgId: "nope", uscc: org.uscc }), "not_found");
    const impostor = await verifiedUser("冒名者");
    await expectAppError(verifyLegalRep({ userId: impostor.id, orgId: org.id, uscc: org.uscc }), "forbidden");
    const wrongPhone = await createUser({ phone: SANDBOX_FAIL_PHONE });
    await expectAppError(verifyLegalRep({ userId: wrongPhone.id, orgId: org.id, uscc: org.uscc }), "forbidden");
    expect(await db.membership.count({ where: { orgId: org.id, role: "LEGAL_REP" } })).toBe(0);
    const verified = await verifyLegalRep({ userId: legal.id, orgId: org.id, uscc: org.uscc });
    expect(verified.identityCheckId).toBeTruthy();
    expect(await db.auditLog.count({ where: { targetId: org.id, action: "org.legal_rep_verified" } })).toBe(1);

    const joiner = await verifiedUser();
    const { requestId, status } = await createJoinRequest({ userId: joiner.id, input: await joinInput(org, admin, [p.id]) });
    expect(status).toBe("PENDING_LEGAL_REP");
    expect(await db.inboxMessage.count({ where: { userId: legal.id } })).toBe(1);
    // The administrator cannot skip the legal person.
    await expectAppError(decideOrgRequest({ userId: admin.id, input: { requestId, decision: "approve" } }), "forbidden");
    expect((await listOrgRequests({ userId: legal.id, orgId: org.id })).pending.map((r) => r.id)).toEqual([requestId]);

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => decideOrgRequest({ userId: legal.id, input: { requestId, decision: "approve" } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db.orgRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING_ADMIN");
    // Now the legal person has nothing left to decide; the administrator is told and answers.
    await expectAppError(decideOrgRequest({ userId: legal.id, input: { requestId, decision: "approve" } }), "forbidden");
    expect(await db.inboxMessage.count({ where: { userId: admin.id } })).toBe(1);
    const letter = await decideOrgRequest({ userId: admin.id, input: { requestId, decision: "approve" } });
    expect(letter.outcome).toBe("sign");
  });

  it("without a verified legal representative the request goes to the administrator", async () => {
    const { org, admin } = await orgWithAdmin({ requireLegalRepApproval: true });
    const p = await createPlatform();
    const joiner = await verifiedUser();
    expect((await createJoinRequest({ userId: joiner.id, input: await joinInput(org, admin, [p.id]) })).status).toBe("PENDING_ADMIN");
  });
});

describe("member certificate request (CERT)", () => {
  it("an authorized member buys directly: order at once, APPROVED without CA review once paid; a second unfinished one is CONFLICT", async () => {
    const { org, admin, holder } = await orgWithAdmin();
    const p = await createPlatform();
    const { user: member, membership } = await addMember(org.id, "MEMBER");
    await db.platformAuthorization.create({ data: { orgId: org.id, membershipId: membership.id, platformId: p.id, grantedById: admin.id, grantedAt: new Date(Date.now() - 60_000) } });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => createCertRequest({ userId: member.id, input: { orgId: org.id, platformIds: [p.id], years: 1 } })));
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    const { orderId, status } = (ok[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof createCertRequest>>>).value;
    expect(status).toBe("APPROVED");
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId! } })).status).toBe("AWAITING_PAYMENT");
    const paid = await pay(orderId!);
    expect(paid.status).toBe("APPROVED");
    const events = await db.orderEvent.findMany({ where: { orderId: orderId! }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["created", "submitted", "paid_auto_approved"]);
    expect(events[0]!.note).toContain("authorized member");
    void holder;

    // A member without an authorization goes through the administrator, and their order is reviewed.
    const { user: plain } = await addMember(org.id, "MEMBER");
    const req = await createCertRequest({ userId: plain.id, input: { orgId: org.id, platformIds: [p.id], years: 1 } });
    expect(req).toMatchObject({ status: "PENDING_ADMIN", orderId: null });
    const letter = await decideOrgRequest({ userId: admin.id, input: { requestId: req.requestId, decision: "approve" } });
    if (letter.outcome !== "sign") throw new Error("expected a letter");
    await signLetter(holder, letter.qrContent);
    const approved = await db.orgRequest.findUniqueOrThrow({ where: { id: req.requestId } });
    expect(approved.status).toBe("APPROVED");
    expect((await pay(approved.orderId!)).status).toBe("IN_REVIEW");
  });

  it("outsiders NOT_FOUND, a legal person FORBIDDEN", async () => {
    const { org } = await orgWithAdmin();
    const p = await createPlatform();
    const outsider = await verifiedUser();
    await expectAppError(createCertRequest({ userId: outsider.id, input: { orgId: org.id, platformIds: [p.id], years: 1 } }), "not_found");
    const { user: legal } = await addMember(org.id, "LEGAL_REP");
    await expectAppError(createCertRequest({ userId: legal.id, input: { orgId: org.id, platformIds: [p.id], years: 1 } }), "forbidden");
  });
});
