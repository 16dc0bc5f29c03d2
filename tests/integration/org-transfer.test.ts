import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { decidePaperTransfer } from "@/lib/server/org/decide-paper-transfer";
import { renderTransferForm } from "@/lib/server/org/render-transfer-form";
import { startAdminTransfer } from "@/lib/server/org/start-admin-transfer";
import { submitPaperTransfer } from "@/lib/server/org/submit-paper-transfer";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { addMember, orgWithAdmin, signLetter } from "./org-support";

const role = async (orgId: string, userId: string) => (await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId, userId } } })).role;

async function pngBytes() {
  const sharp = (await import("sharp")).default;
  return new Uint8Array(await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer());
}

function paperForm(orgId: string, toUserId: string, bytes: Uint8Array, name = "form.png") {
  const form = new FormData();
  form.set("orgId", orgId);
  form.set("toUserId", toUserId);
  form.set("file", new File([Buffer.from(bytes)], name));
  return form;
}

describe("转授管理员 with a certificate", () => {
  it("the administrator signs the transfer on the phone → roles swap, request APPROVED", async () => {
    const { org, admin, holder } = await orgWithAdmin();
    const { user: next } = await addMember(org.id, "MEMBER");
    const started = await startAdminTransfer({ userId: admin.id, input: { orgId: org.id, toUserId: next.id } });
    expect(started.letterText).toContain("管理员转授书");
    expect(await role(org.id, admin.id)).toBe("ADMIN");
    await signLetter(holder, started.qrContent);
    expect(await role(org.id, admin.id)).toBe("CERT_ADMIN");
    expect(await role(org.id, next.id)).toBe("ADMIN");
    expect(await db.orgRequest.findUniqueOrThrow({ where: { id: started.requestId } })).toMatchObject({ status: "APPROVED", targetUserId: next.id });
    expect(await db.auditLog.count({ where: { targetId: org.id, action: "org.admin_transferred" } })).toBe(1);
  });

  it("only the administrator, only to an ACTIVE member; starting again for another member cancels the first", async () => {
    const { org, admin, holder } = await orgWithAdmin();
    const { user: member } = await addMember(org.id, "MEMBER");
    const { user: certAdmin } = await addMember(org.id, "CERT_ADMIN");
    const { user: removed } = await addMember(org.id, "MEMBER", "REMOVED");
    const outsider = await createUser();
    await expectAppError(startAdminTransfer({ userId: outsider.id, input: { orgId: org.id, toUserId: member.id } }), "not_found");
    await expectAppError(startAdminTransfer({ userId: certAdmin.id, input: { orgId: org.id, toUserId: member.id } }), "forbidden");
    await expectAppError(startAdminTransfer({ userId: member.id, input: { orgId: org.id, toUserId: certAdmin.id } }), "forbidden");
    await expectAppError(startAdminTransfer({ userId: admin.id, input: { orgId: org.id, toUserId: removed.id } }), "validation_failed");
    await expectAppError(startAdminTransfer({ userId: admin.id, input: { orgId: org.id, toUserId: outsider.id } }), "validation_failed");
    await expectAppError(startAdminTransfer({ userId: admin.id, input: { orgId: org.id, toUserId: admin.id } }), "validation_failed");

    const first = await startAdminTransfer({ userId: admin.id, input: { orgId: org.id, toUserId: member.id } });
    const again = await startAdminTransfer({ userId: admin.id, input: { orgId: org.id, toUserId: member.id } });
    expect(again.requestId).toBe(first.requestId);
    const second = await startAdminTransfer({ userId: admin.id, input: { orgId: org.id, toUserId: certAdmin.id } });
    expect((await db.orgRequest.findUniqueOrThrow({ where: { id: first.requestId } })).status).toBe("CANCELLED");
    // The first letter, signed late, no longer applies: FAILED, nothing swapped.
    await signLetter(holder, first.qrContent);
    expect(await db.orgSignature.findUniqueOrThrow({ where: { id: first.signatureId } })).toMatchObject({ status: "FAILED", failReason: "apply_failed" });
    expect(await role(org.id, admin.id)).toBe("ADMIN");
    await signLetter(holder, second.qrContent);
    expect(await role(org.id, certAdmin.id)).toBe("ADMIN");
  });
});

describe("转授管理员 on paper → CA review (decidePaperTransfer)", () => {
  it("upload (content-checked) → PENDING_CA → the CA approves once (10 parallel → 1) → roles swap, both told", async () => {
    const { org, admin } = await orgWithAdmin();
    const { user: next } = await addMember(org.id, "MEMBER");
    const form = await renderTransferForm({ userId: admin.id, orgId: org.id, toUserId: next.id });
    expect(Buffer.from(form.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    await expectAppError(renderTransferForm({ userId: next.id, orgId: org.id }), "forbidden");

    await expectAppError(submitPaperTransfer({ userId: admin.id, form: paperForm(org.id, next.id, new TextEncoder().encode("MZ not an image at all, just text"), "form.png") }), "validation_failed");
    const bytes = await pngBytes();
    await expectAppError(submitPaperTransfer({ userId: next.id, form: paperForm(org.id, admin.id, bytes) }), "forbidden");
    const { requestId, status } = await submitPaperTransfer({ userId: admin.id, form: paperForm(org.id, next.id, bytes) });
    expect(status).toBe("PENDING_CA");
    const request = await db.orgRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.paperMime).toBe("image/png");
    expect((await getFileStorage().get(request.paperKey!)).length).toBeGreaterThan(0);
    expect(await role(org.id, admin.id)).toBe("ADMIN");
    await expectAppError(submitPaperTransfer({ userId: admin.id, form: paperForm(org.id, next.id, bytes) }), "conflict");

    const applicant = await createUser();
    await expectAppError(decidePaperTransfer({ reviewerId: applicant.id, requestId, decision: "approve" }), "forbidden");
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => decidePaperTransfer({ reviewerId: reviewer.id, requestId, decision: "approve" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(await role(org.id, admin.id)).toBe("CERT_ADMIN");
    expect(await role(org.id, next.id)).toBe("ADMIN");
    expect(await db.orgRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "APPROVED", decidedById: reviewer.id });
    expect(await db.inboxMessage.count({ where: { userId: { in: [admin.id, next.id] }, title: { contains: "转授管理员" } } })).toBe(2);
    expect(await db.auditLog.count({ where: { targetId: org.id, action: "org.admin_transferred" } })).toBe(1);
  });

  it("the CA rejects with a reason (required): nothing swaps; a transfer whose administrator changed meanwhile cannot be approved", async () => {
    const { org, admin } = await orgWithAdmin();
    const { user: next } = await addMember(org.id, "MEMBER");
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const { requestId } = await submitPaperTransfer({ userId: admin.id, form: paperForm(org.id, next.id, await pngBytes()) });
    await expectAppError(decidePaperTransfer({ reviewerId: reviewer.id, requestId, decision: "reject" }), "validation_failed");
    await decidePaperTransfer({ reviewerId: reviewer.id, requestId, decision: "reject", reason: "公章不清晰" });
    expect(await db.orgRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "REJECTED", reason: "公章不清晰" });
    expect(await role(org.id, admin.id)).toBe("ADMIN");
    expect((await db.inboxMessage.findFirstOrThrow({ where: { userId: admin.id }, orderBy: { createdAt: "desc" } })).body).toContain("公章不清晰");
    await expectAppError(decidePaperTransfer({ reviewerId: reviewer.id, requestId, decision: "approve" }), "conflict");

    const again = await submitPaperTransfer({ userId: admin.id, form: paperForm(org.id, next.id, await pngBytes()) });
    // The target leaves before the CA decides: approval fails and the request stays with the CA.
    await db.membership.update({ where: { orgId_userId: { orgId: org.id, userId: next.id } }, data: { status: "REMOVED", removedAt: new Date() } });
    await expectAppError(decidePaperTransfer({ reviewerId: reviewer.id, requestId: again.requestId, decision: "approve" }), "not_found");
    expect((await db.orgRequest.findUniqueOrThrow({ where: { id: again.requestId } })).status).toBe("PENDING_CA");
    await expectAppError(decidePaperTransfer({ reviewerId: reviewer.id, requestId: "no-such-request", decision: "approve" }), "not_found");
  });
});
