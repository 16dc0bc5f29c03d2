import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { updateChannel } from "@/lib/server/channels/update-channel";
import { consoleGetCertificate } from "@/lib/server/certs/console-get-certificate";
import { consoleListCertificates } from "@/lib/server/certs/console-list-certificates";
import { consoleRefuseRevocation } from "@/lib/server/certs/console-refuse-revocation";
import { consoleRevokeCertificate } from "@/lib/server/certs/console-revoke-certificate";
import { advanceStep } from "@/lib/server/orders/advance-step";
import { completeMaterialsStep } from "@/lib/server/orders/complete-materials-step";
import { confirmOrder } from "@/lib/server/orders/confirm-order";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { onOrderPaid } from "@/lib/server/orders/on-order-paid";
import { createRenewOrder } from "@/lib/server/orders/renew-create-order";
import { revokeCompleteOrder } from "@/lib/server/orders/revoke-complete-order";
import { revokeStartOrder } from "@/lib/server/orders/revoke-start-order";
import { saveGoodsStep } from "@/lib/server/orders/save-goods-step";
import { savePersonStep } from "@/lib/server/orders/save-person-step";
import { sendSignCode } from "@/lib/server/orders/send-sign-code";
import { signApplication } from "@/lib/server/orders/sign-application";
import { wizardSteps } from "@/lib/server/orders/wizard-steps";
import { approveOrder } from "@/lib/server/reviews/approve-order";
import { countReviewQueue } from "@/lib/server/reviews/count-review-queue";
import { listReviewQueue } from "@/lib/server/reviews/list-review-queue";
import { createUser, uniqueIp, uniquePhone } from "../support/factories";
import { latestSmsCode } from "../support/outbox";
import { downloadAsPhone } from "../support/phone-download";
import { PIN } from "./org-fixtures";
import { expectAppError } from "../support/expect-app-error";
import { addMaterials, createChannel, goodsInput, uniqueIdNumber } from "./orders-fixtures";

// Issue 13, the channel's lifecycle review switches: Channel.reviewDeskRevocations sends a desk
// revocation to a CA operator's confirmation (a RevocationRequest) instead of revoking at once;
// Channel.renewalNeedsMaterials gives a renewal a materials step and the CA review instead of
// auto-approval. Each switch off and on, set through the console's channel update (audited).

const DAY = 86_400_000;

/** A person holding individual dual certificates downloaded on their phone, on `channelId`. */
async function personHolder(channelId: string) {
  const user = await createUser();
  const person = { name: "赵开关", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: uniquePhone(), email: "p@example.test" };
  const now = new Date();
  const order = await db.order.create({
    data: {
      no: generateOrderNo(), userId: user.id, channelId, subjectType: "INDIVIDUAL", subjectKey: person.idNumber, subjectName: person.name,
      status: "APPROVED", step: "pay", verificationMethod: "PHONE3", draft: { person }, years: 1, priceFen: 9800, submittedAt: now, paidAt: now, approvedAt: now,
    },
  });
  await downloadAsPhone(user.id, order.id, PIN);
  const sign = await db.certificate.findFirstOrThrow({ where: { orderId: order.id, usage: "SIGN" } });
  const enc = await db.certificate.findFirstOrThrow({ where: { orderId: order.id, usage: "ENCRYPT" } });
  return { user, person, order, sign, enc };
}

/** The console's channel page saving the two switches (with the channel's other settings unchanged). */
async function setSwitches(channelId: string, switches: { reviewDeskRevocations: boolean; renewalNeedsMaterials: boolean }) {
  const admin = await createUser({ role: "CA_ADMIN" });
  const c = await db.channel.findUniqueOrThrow({ where: { id: channelId }, include: { prices: true } });
  await updateChannel({
    user: admin,
    input: {
      channelId, name: c.name, allowedMethods: c.allowedMethods, autoApproveIndividual: c.autoApproveIndividual, allowNoInvoice: c.allowNoInvoice,
      requireTwoReviewers: c.requireTwoReviewers, mailingAddress: c.mailingAddress ?? "", active: c.active,
      prices: c.prices.map((p) => ({ product: p.product, years: p.years, price: String(p.priceFen / 100) })),
      ...switches,
    },
  });
  return admin;
}

/** A desk REVOKE order of the holder's signing certificate, through the person check and ID photos, at its last step. */
async function readyRevokeOrder(h: Awaited<ReturnType<typeof personHolder>>) {
  const { orderId } = await revokeStartOrder({ userId: h.user.id, certificateId: h.sign.id });
  await savePersonStep({ userId: h.user.id, orderId, input: h.person });
  await addMaterials(orderId, ["ID_FRONT", "ID_BACK"]);
  await completeMaterialsStep({ userId: h.user.id, orderId });
  return orderId;
}

const statusOf = async (id: string) => (await db.certificate.findUniqueOrThrow({ where: { id } })).status;
const orderStatus = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id } })).status;

describe("channel switches: saved by the console's channel update, audited", () => {
  it("stores both switches and records them before and after in channel.updated", async () => {
    const channel = await createChannel();
    const admin = await setSwitches(channel.id, { reviewDeskRevocations: true, renewalNeedsMaterials: true });
    expect(await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ reviewDeskRevocations: true, renewalNeedsMaterials: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "channel.updated", targetId: channel.id, actorId: admin.id } });
    expect(audit.data).toMatchObject({
      switches: { reviewDeskRevocations: true, renewalNeedsMaterials: true },
      previousSwitches: { reviewDeskRevocations: false, renewalNeedsMaterials: false },
    });
    // An applicant cannot change them.
    const applicant = await createUser();
    await expectAppError(updateChannel({ user: applicant, input: { channelId: channel.id } }), "forbidden");
  });
});

describe("channel 证书变更 settings: saved by the console's channel update, audited", () => {
  it("stores the change price (yuan → fen) and both material lists, records before/after in channel.updated; bad input is refused and nothing changes", async () => {
    const channel = await createChannel();
    const admin = await createUser({ role: "CA_ADMIN" });
    const c = await db.channel.findUniqueOrThrow({ where: { id: channel.id }, include: { prices: true } });
    const base = {
      channelId: c.id, name: c.name, allowedMethods: c.allowedMethods, autoApproveIndividual: c.autoApproveIndividual, allowNoInvoice: c.allowNoInvoice,
      requireTwoReviewers: c.requireTwoReviewers, active: c.active, prices: c.prices.map((p) => ({ product: p.product, years: p.years, price: String(p.priceFen / 100) })),
    };
    await updateChannel({ user: admin, input: { ...base, changePrice: "38.50", changeMaterialsUnit: ["CHANGE_NOTICE", "BUSINESS_LICENSE", "AUTHORIZATION_LETTER"], changeMaterialsIndividual: ["ID_FRONT"] } });
    expect(await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({
      changePriceFen: 3850, changeMaterialsUnit: ["CHANGE_NOTICE", "BUSINESS_LICENSE", "AUTHORIZATION_LETTER"], changeMaterialsIndividual: ["ID_FRONT"],
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "channel.updated", targetId: channel.id, actorId: admin.id } });
    expect(audit.data).toMatchObject({
      change: { priceFen: 3850, materialsUnit: ["CHANGE_NOTICE", "BUSINESS_LICENSE", "AUTHORIZATION_LETTER"], materialsIndividual: ["ID_FRONT"] },
      previousChange: { priceFen: c.changePriceFen, materialsUnit: c.changeMaterialsUnit, materialsIndividual: c.changeMaterialsIndividual },
    });
    // A negative or fractional-fen price, an unknown material, an empty list: refused, the stored settings kept.
    for (const bad of [{ changePrice: "-1" }, { changePrice: "1.234" }, { changeMaterialsUnit: ["PASSPORT"] }, { changeMaterialsIndividual: [] }]) {
      await expect(updateChannel({ user: admin, input: { ...base, ...bad } })).rejects.toThrow();
    }
    // Leaving them out keeps them.
    await updateChannel({ user: admin, input: base });
    expect(await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ changePriceFen: 3850, changeMaterialsIndividual: ["ID_FRONT"] });
  });
});

describe("channel update from a stale form (version = the updatedAt the form loaded)", () => {
  it("20 saves from forms loaded at the same version: one is written, the others are refused with conflict and write nothing; the winner's next save (its new version) works", async () => {
    const channel = await createChannel();
    const admin = await createUser({ role: "CA_ADMIN" });
    const c = await db.channel.findUniqueOrThrow({ where: { id: channel.id }, include: { prices: true } });
    const base = {
      channelId: c.id, version: c.updatedAt.toISOString(), name: c.name, allowedMethods: c.allowedMethods, autoApproveIndividual: c.autoApproveIndividual,
      allowNoInvoice: c.allowNoInvoice, requireTwoReviewers: c.requireTwoReviewers, active: c.active,
      prices: c.prices.map((p) => ({ product: p.product, years: p.years, price: String(p.priceFen / 100) })),
    };
    // Each form flips a different switch, as operators in different tabs would; supportPhone says which one won.
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => updateChannel({ user: admin, input: { ...base, supportPhone: `400-000-${String(i).padStart(4, "0")}`, reissueNeedsForm: i % 2 === 0, reviewDeskRevocations: i % 2 === 1 } })),
    );
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict", userMessage: "review.channels.staleForm" });
    const after = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(after).toMatchObject({ supportPhone: `400-000-${String(won[0]).padStart(4, "0")}`, reissueNeedsForm: won[0] % 2 === 0, reviewDeskRevocations: won[0] % 2 === 1 });
    expect(await db.auditLog.count({ where: { action: "channel.updated", targetId: channel.id } })).toBe(1);
    // A form reloaded after the save carries the new version and saves.
    const saved = await updateChannel({ user: admin, input: { ...base, version: after.updatedAt.toISOString(), supportPhone: "400-111-2222" } });
    expect(saved.supportPhone).toBe("400-111-2222");
    // Its predecessor's version is stale now.
    await expectAppError(updateChannel({ user: admin, input: { ...base, version: after.updatedAt.toISOString(), supportPhone: "400-333-4444" } }), "conflict");
    expect((await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).supportPhone).toBe("400-111-2222");
  });
});

describe("reviewDeskRevocations", () => {
  it("off: the desk's 确认吊销 revokes at once", async () => {
    const channel = await createChannel();
    const h = await personHolder(channel.id);
    const orderId = await readyRevokeOrder(h);
    const out = await revokeCompleteOrder({ userId: h.user.id, orderId, reason: "keyCompromise" });
    expect(out.status).toBe("revoked");
    expect(await statusOf(h.sign.id)).toBe("REVOKED");
    expect(await orderStatus(orderId)).toBe("COMPLETED");
    expect(await db.revocationRequest.count({ where: { certificateId: h.sign.id } })).toBe(0);
  });

  it("on: the desk's 确认吊销 is a PENDING request (certificate still valid, order IN_REVIEW, not in the review queue); of 20 parallel operator confirmations one revokes, with the holder's reason, and completes the order", async () => {
    const channel = await createChannel();
    await setSwitches(channel.id, { reviewDeskRevocations: true, renewalNeedsMaterials: false });
    const h = await personHolder(channel.id);
    const orderId = await readyRevokeOrder(h);

    const out = await revokeCompleteOrder({ userId: h.user.id, orderId, reason: "keyCompromise" });
    expect(out.status).toBe("pending");
    expect(await statusOf(h.sign.id)).toBe("VALID");
    expect(await statusOf(h.enc.id)).toBe("VALID");
    expect(await orderStatus(orderId)).toBe("IN_REVIEW");
    const request = await db.revocationRequest.findUniqueOrThrow({ where: { orderId } });
    expect(request).toMatchObject({ certificateId: h.sign.id, status: "PENDING", reason: "keyCompromise", requestedById: h.user.id });
    // A second confirmation by the holder is refused: the order is no longer a draft.
    await expectAppError(revokeCompleteOrder({ userId: h.user.id, orderId, reason: "keyCompromise" }), "conflict");

    // Not an application: the review queue neither lists nor decides it; the certificates page does.
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const queue = await listReviewQueue({ user: reviewer, filter: {} });
    expect(queue.orders.map((o) => o.id)).not.toContain(orderId);
    const before = await countReviewQueue({ user: reviewer });
    await expectAppError(approveOrder({ user: reviewer, input: { orderId } }), "conflict");
    expect(await countReviewQueue({ user: reviewer })).toBe(before);
    const pendingList = await consoleListCertificates({ user: reviewer, filter: { pending: "revocation" } });
    expect(pendingList.certificates.map((c) => c.id)).toContain(h.sign.id);
    expect(pendingList.pendingRevocations).toBeGreaterThanOrEqual(1);
    expect(await consoleGetCertificate({ user: reviewer, certificateId: h.sign.id })).toMatchObject({ canConfirmPending: true, pending: { id: request.id } });

    const operators = await Promise.all(Array.from({ length: 20 }, (_, i) => createUser({ role: i % 2 ? "CA_REVIEWER" : "CA_ADMIN" })));
    const results = await Promise.allSettled(operators.map((op) => consoleRevokeCertificate({ operator: op, certificateId: h.sign.id, input: { reason: "unspecified" } })));
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("conflict");
    expect(await statusOf(h.sign.id)).toBe("REVOKED");
    expect(await statusOf(h.enc.id)).toBe("REVOKED");
    // The holder's reason stands (keyCompromise = 1), once: one audit row per certificate of the pair.
    expect((await db.certificate.findUniqueOrThrow({ where: { id: h.sign.id } })).revocationReason).toBe(1);
    expect(await db.auditLog.count({ where: { action: "certificate.revoked", targetId: { in: [h.sign.id, h.enc.id] } } })).toBe(2);
    const decided = await db.revocationRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(decided.status).toBe("APPROVED");
    expect(operators.map((o) => o.id)).toContain(decided.decidedById);
    expect(await orderStatus(orderId)).toBe("COMPLETED");
  });

  it("on: an operator refuses (驳回) the desk request with a reason: request CANCELLED (已驳回), order REJECTED with the reason, certificate still valid, holder notified, audited", async () => {
    const channel = await createChannel();
    await setSwitches(channel.id, { reviewDeskRevocations: true, renewalNeedsMaterials: false });
    const h = await personHolder(channel.id);
    const orderId = await readyRevokeOrder(h);
    await revokeCompleteOrder({ userId: h.user.id, orderId, reason: "keyCompromise" });
    const request = await db.revocationRequest.findUniqueOrThrow({ where: { orderId } });
    const operator = await createUser({ role: "CA_REVIEWER" });
    // A reason is required; an applicant may not refuse; the holder's own request cannot be refused by the holder.
    await expect(consoleRefuseRevocation({ operator, certificateId: h.sign.id, input: { requestId: request.id, reason: "x" } })).rejects.toThrow();
    await expectAppError(consoleRefuseRevocation({ operator: h.user, certificateId: h.sign.id, input: { requestId: request.id, reason: "材料与证书主体不符" } }), "forbidden");
    expect((await db.revocationRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");

    const out = await consoleRefuseRevocation({ operator, certificateId: h.sign.id, input: { requestId: request.id, reason: "材料与证书主体不符" } });
    expect(out).toEqual({ status: "refused", orderId });
    expect(await db.revocationRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "CANCELLED", decidedById: operator.id });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "REJECTED", rejectReason: "材料与证书主体不符" });
    expect(await statusOf(h.sign.id)).toBe("VALID");
    expect(await statusOf(h.enc.id)).toBe("VALID");
    const inbox = await db.inboxMessage.findFirstOrThrow({ where: { userId: h.user.id, link: `/orders/${orderId}` }, orderBy: { createdAt: "desc" } });
    expect(inbox.body).toContain("材料与证书主体不符");
    const sms = await db.job.findFirstOrThrow({ where: { type: "notify.sms", payload: { path: ["template"], equals: "revocation_refused" } }, orderBy: { createdAt: "desc" } });
    expect(sms.payload).toMatchObject({ to: h.user.phone, template: "revocation_refused" });
    expect(await db.auditLog.count({ where: { action: "certificate.revocation_refused", targetId: h.sign.id, actorId: operator.id } })).toBe(1);
    // Decided: a second refusal and a confirmation of that request are conflicts; the certificate is untouched.
    await expectAppError(consoleRefuseRevocation({ operator, certificateId: h.sign.id, input: { requestId: request.id, reason: "再次驳回试试" } }), "conflict");
    await expectAppError(consoleRevokeCertificate({ operator, certificateId: h.sign.id, input: { reason: "unspecified", requestId: request.id } }), "conflict");
    expect(await statusOf(h.sign.id)).toBe("VALID");
  });

  it("on: 10 parallel refusals and 10 parallel confirmations of one desk request → exactly one outcome", async () => {
    const channel = await createChannel();
    await setSwitches(channel.id, { reviewDeskRevocations: true, renewalNeedsMaterials: false });
    const h = await personHolder(channel.id);
    const orderId = await readyRevokeOrder(h);
    await revokeCompleteOrder({ userId: h.user.id, orderId, reason: "keyCompromise" });
    const request = await db.revocationRequest.findUniqueOrThrow({ where: { orderId } });
    const operators = await Promise.all(Array.from({ length: 20 }, (_, i) => createUser({ role: i % 2 ? "CA_REVIEWER" : "CA_ADMIN" })));
    const results = await Promise.allSettled(
      operators.map((op, i) =>
        i % 2
          ? consoleRefuseRevocation({ operator: op, certificateId: h.sign.id, input: { requestId: request.id, reason: "材料与证书主体不符" } })
          : consoleRevokeCertificate({ operator: op, certificateId: h.sign.id, input: { reason: "unspecified", requestId: request.id } }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("conflict");
    const decided = await db.revocationRequest.findUniqueOrThrow({ where: { id: request.id } });
    const refused = (ok[0] as PromiseFulfilledResult<{ status: string }>).value.status === "refused";
    expect(decided.status).toBe(refused ? "CANCELLED" : "APPROVED");
    expect(await statusOf(h.sign.id)).toBe(refused ? "VALID" : "REVOKED");
    expect(await statusOf(h.enc.id)).toBe(refused ? "VALID" : "REVOKED");
    expect(await orderStatus(orderId)).toBe(refused ? "REJECTED" : "COMPLETED");
    expect(await db.auditLog.count({ where: { action: "certificate.revoked", targetId: { in: [h.sign.id, h.enc.id] } } })).toBe(refused ? 0 : 2);
    expect(await db.auditLog.count({ where: { action: "certificate.revocation_refused", targetId: h.sign.id } })).toBe(refused ? 1 : 0);
  });

  it("on: a holder who is also an operator cannot confirm their own desk request", async () => {
    const channel = await createChannel();
    await setSwitches(channel.id, { reviewDeskRevocations: true, renewalNeedsMaterials: false });
    const h = await personHolder(channel.id);
    const orderId = await readyRevokeOrder(h);
    await revokeCompleteOrder({ userId: h.user.id, orderId, reason: "cessationOfOperation" });
    await db.user.update({ where: { id: h.user.id }, data: { role: "CA_REVIEWER" } });
    await expectAppError(consoleRevokeCertificate({ operator: { id: h.user.id, role: "CA_REVIEWER" }, certificateId: h.sign.id, input: { reason: "unspecified" } }), "conflict", "lifecycleRevoke.errors.ownRequest");
    expect(await statusOf(h.sign.id)).toBe("VALID");
  });
});

describe("renewalNeedsMaterials", () => {
  /** Renews the holder's certificate 10 days before expiry up to the confirmation. */
  async function renewToConfirm(h: Awaited<ReturnType<typeof personHolder>>) {
    const { orderId } = await createRenewOrder({ userId: h.user.id, certificateId: h.sign.id, now: new Date(h.sign.notAfter.getTime() - 10 * DAY) });
    await advanceStep({ orderId, step: "renew-info" });
    await savePersonStep({ userId: h.user.id, orderId, input: h.person });
    await saveGoodsStep({ userId: h.user.id, orderId, input: goodsInput() });
    return orderId;
  }

  async function signAndPay(h: Awaited<ReturnType<typeof personHolder>>, orderId: string) {
    await sendSignCode({ userId: h.user.id, orderId, ip: uniqueIp(), locale: "zh-CN" });
    await signApplication({ userId: h.user.id, orderId, input: { code: await latestSmsCode(h.person.phone), agreed: true } });
    await db.$transaction((tx) => onOrderPaid(tx, { orderId, paymentId: "test-payment" }));
  }

  it("off: no materials step; paid → APPROVED at once", async () => {
    const channel = await createChannel();
    const h = await personHolder(channel.id);
    const orderId = await renewToConfirm(h);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(wizardSteps(order)).toEqual(["renew-info", "person", "goods", "confirm", "sign", "pay"]);
    expect((await confirmOrder({ userId: h.user.id, orderId })).nextPath).toBe(`/apply/renew-individual/${orderId}/sign`);
    await signAndPay(h, orderId);
    expect(await orderStatus(orderId)).toBe("APPROVED");
  });

  it("on: confirm → materials (ID photos required) → sign → paid → IN_REVIEW in the queue → a reviewer approves; a renewal opened before the switch keeps its path", async () => {
    const channel = await createChannel();
    const early = await personHolder(channel.id);
    const earlyOrderId = await renewToConfirm(early);
    await setSwitches(channel.id, { reviewDeskRevocations: false, renewalNeedsMaterials: true });
    const h = await personHolder(channel.id);
    const orderId = await renewToConfirm(h);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(wizardSteps(order)).toEqual(["renew-info", "person", "goods", "confirm", "materials", "sign", "pay"]);
    expect(wizardSteps(await db.order.findUniqueOrThrow({ where: { id: earlyOrderId } }))).not.toContain("materials");

    expect((await confirmOrder({ userId: h.user.id, orderId })).nextPath).toBe(`/apply/renew-individual/${orderId}/materials`);
    await expectAppError(completeMaterialsStep({ userId: h.user.id, orderId }), "validation_failed", "wizard.materials.missingUploads");
    await addMaterials(orderId, ["ID_FRONT", "ID_BACK"]);
    expect((await completeMaterialsStep({ userId: h.user.id, orderId })).nextPath).toBe(`/apply/renew-individual/${orderId}/sign`);
    await signAndPay(h, orderId);
    expect(await orderStatus(orderId)).toBe("IN_REVIEW");

    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const queue = await listReviewQueue({ user: reviewer, filter: {} });
    expect(queue.orders.map((o) => o.id)).toContain(orderId);
    expect((await approveOrder({ user: reviewer, input: { orderId } })).outcome).toBe("APPROVED");
    expect(await orderStatus(orderId)).toBe("APPROVED");
  });
});
