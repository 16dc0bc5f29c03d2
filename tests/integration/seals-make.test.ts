// Seals, part 1 (issue 14) on PostgreSQL: enterprise and personal seals made from a real picture, bound to
// a real (downloaded) signing certificate, reviewed by the CA (one outcome under 20 parallel approvals, the
// SES_Seal verifying under the issuing CA's key), the max-3 cap under 10 parallel creations, PIN-gated
// download, voiding by every revocation, and the wizard's paid seal option.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifySesSeal, parseSesSeal } from "@/lib/pki/ses-seal";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { loadIssuingCa } from "@/lib/server/ca/load-issuing-ca";
import { revokePair } from "@/lib/server/certs/revoke-pair";
import { onOrderPaid } from "@/lib/server/orders/on-order-paid";
import { cancelSeal } from "@/lib/server/seals/cancel-seal";
import { createOrgSeal } from "@/lib/server/seals/create-org-seal";
import { createPersonalSeal } from "@/lib/server/seals/create-personal-seal";
import { decideSeal } from "@/lib/server/seals/decide-seal";
import { deletePersonalSeal } from "@/lib/server/seals/delete-personal-seal";
import { downloadSeal } from "@/lib/server/seals/download-seal";
import { listUsableSeals } from "@/lib/server/seals/list-usable-seals";
import { listOrgSeals } from "@/lib/server/seals/list-seals";
import { readSealFile } from "@/lib/server/seals/read-seal-file";
import { submitSealImage } from "@/lib/server/seals/submit-seal-image";
import { createUser, uniquePhone } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { downloadAsPhone } from "../support/phone-download";
import { stampPhoto, signaturePhoto } from "../unit/seals/seal-photos";
import { enterpriseWithMembers, PIN } from "./org-fixtures";
import { createChannel, goodsInput, uniqueIdNumber } from "./orders-fixtures";
import { signUnitOrder, unitOrderAtMaterials } from "./orders-flow";
import { createOrder } from "@/lib/server/orders/create-order";
import { saveGoodsStep } from "@/lib/server/orders/save-goods-step";
import { saveMethodStep } from "@/lib/server/orders/save-method-step";
import { savePersonStep } from "@/lib/server/orders/save-person-step";

let e: Awaited<ReturnType<typeof enterpriseWithMembers>>;
let stamp: Uint8Array;
let reviewer: Awaited<ReturnType<typeof createUser>>;

const signCertOf = (userId: string, orgId?: string) => db.certificate.findFirstOrThrow({ where: { userId, usage: "SIGN", status: "VALID", ...(orgId ? { orgId } : {}) }, orderBy: { notBefore: "desc" } });
const sessionUser = (u: { id: string; role: string }) => ({ id: u.id, role: u.role }) as never;

/** A person with a downloaded personal (INDIVIDUAL) certificate pair. */
async function personWithCertificate(channelId: string) {
  const user = await createUser();
  await db.user.update({ where: { id: user.id }, data: { realName: "张三丰", realNameVerifiedAt: new Date() } });
  const now = new Date();
  const order = await db.order.create({
    data: {
      no: generateOrderNo(), userId: user.id, channelId, subjectType: "INDIVIDUAL", subjectKey: uniqueIdNumber(), subjectName: "张三丰", status: "APPROVED", step: "pay", verificationMethod: "PHONE3",
      draft: { person: { name: "张三丰", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: uniquePhone(), email: "p@example.test" } }, years: 1, priceFen: 100, submittedAt: now, paidAt: now, approvedAt: now,
    },
  });
  await downloadAsPhone(user.id, order.id, PIN);
  return { user, order, cert: await signCertOf(user.id) };
}

beforeAll(async () => {
  await ensureCaHierarchy();
  e = await enterpriseWithMembers();
  stamp = new Uint8Array(await stampPhoto());
  reviewer = await createUser({ role: "CA_REVIEWER" });
});

describe("enterprise seals", () => {
  it("the administrator and the seal administrator make one from a stamp photo, bound to an enterprise signing certificate; members and outsiders cannot", async () => {
    const cert = await signCertOf(e.admin.user.id, e.org.id);
    const made = await createOrgSeal({ userId: e.admin.user.id, orgId: e.org.id, input: { kind: "OFFICIAL", certificateId: cert.id }, file: stamp });
    expect(made.status).toBe("PENDING_REVIEW");
    const row = await db.seal.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({ orgId: e.org.id, kind: "OFFICIAL", source: "UPLOAD", certificateId: cert.id, widthPx: 400, heightPx: 400, widthMm: 42, createdById: e.admin.user.id });
    expect(row.name).toBe(`${e.org.name} 公章`);
    // The processed picture: transparent corners, red ink in the middle.
    const processed = await readSealFile({ user: sessionUser(e.admin.user), sealId: made.id, which: "processed" });
    const { data } = await sharp(processed.bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(data[3]).toBe(0);
    expect((await readSealFile({ user: sessionUser(e.alice.user), sealId: made.id, which: "original" })).mime).toBe("image/jpeg");

    const bySealAdmin = await createOrgSeal({ userId: e.sealAdmin.id, orgId: e.org.id, input: { kind: "LEGAL_REP_SIGNATURE", certificateId: cert.id }, file: new Uint8Array(await signaturePhoto()) });
    expect((await db.seal.findUniqueOrThrow({ where: { id: bySealAdmin.id } })).widthPx).toBe(600);

    await expectAppError(createOrgSeal({ userId: e.alice.user.id, orgId: e.org.id, input: { kind: "OFFICIAL", certificateId: cert.id }, file: stamp }), "forbidden");
    const outsider = await createUser();
    await expectAppError(createOrgSeal({ userId: outsider.id, orgId: e.org.id, input: { kind: "OFFICIAL", certificateId: cert.id }, file: stamp }), "not_found");
    await expectAppError(readSealFile({ user: sessionUser(outsider), sealId: made.id, which: "processed" }), "not_found");
    // An encryption certificate or another enterprise's is not bindable.
    const enc = await db.certificate.findFirstOrThrow({ where: { userId: e.admin.user.id, usage: "ENCRYPT" } });
    await expectAppError(createOrgSeal({ userId: e.admin.user.id, orgId: e.org.id, input: { kind: "OFFICIAL", certificateId: enc.id }, file: stamp }), "not_found");
    // Members see the list read-only.
    const listed = await listOrgSeals({ userId: e.alice.user.id, orgId: e.org.id });
    expect(listed.canManage).toBe(false);
    expect(listed.seals.map((s) => s.id)).toEqual(expect.arrayContaining([made.id, bySealAdmin.id]));
  });

  it("a blank page is refused with its reason and nothing is stored", async () => {
    const cert = await signCertOf(e.admin.user.id, e.org.id);
    const before = await db.seal.count({ where: { orgId: e.org.id } });
    const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#f4f1ea" } }).jpeg().toBuffer();
    await expectAppError(createOrgSeal({ userId: e.admin.user.id, orgId: e.org.id, input: { kind: "OFFICIAL", certificateId: cert.id }, file: new Uint8Array(blank) }), "validation_failed", "seals.errors.noRedInk");
    expect(await db.seal.count({ where: { orgId: e.org.id } })).toBe(before);
  });

  it("20 parallel approvals: one stores a SES_Seal that verifies under the issuing CA key and lists the bound certificate; the seal is then usable", async () => {
    const cert = await signCertOf(e.admin.user.id, e.org.id);
    const made = await createOrgSeal({ userId: e.admin.user.id, orgId: e.org.id, input: { kind: "OFFICIAL", certificateId: cert.id }, file: stamp });
    expect(await listUsableSeals({ userId: e.admin.user.id, certificateId: cert.id })).not.toContainEqual(expect.objectContaining({ id: made.id }));
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => decideSeal({ reviewerId: reviewer.id, input: { sealId: made.id, decision: "approve" } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "conflict")).toBe(true);
    const row = await db.seal.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.status).toBe("APPROVED");
    const issuing = await loadIssuingCa();
    const check = verifySesSeal(row.sesDer!, { makerPublicKey: issuing.signer.publicKey, at: new Date() });
    expect(check.ok).toBe(true);
    const parsed = parseSesSeal(row.sesDer!);
    expect(parsed.info.esId).toBe(row.esId);
    expect(Buffer.from(parsed.info.certs[0]!).equals(Buffer.from(cert.der))).toBe(true);
    expect(parsed.info.type).toBe(1);
    expect(parsed.info.validEnd.getTime()).toBe(Math.floor(cert.notAfter.getTime() / 1000) * 1000);
    expect(await db.auditLog.count({ where: { action: "seal.approved", targetId: made.id } })).toBe(1);
    expect((await listUsableSeals({ userId: e.admin.user.id, certificateId: cert.id })).map((s) => s.id)).toContain(made.id);
    // Not usable by a member who does not hold the bound certificate.
    expect(await listUsableSeals({ userId: e.alice.user.id, certificateId: cert.id })).toEqual([]);
  });

  it("reject with a reason → 补章 (a new picture) → review again; cancel a pending review; 签章变更 replaces an approved seal only when the change is approved", async () => {
    const cert = await signCertOf(e.admin.user.id, e.org.id);
    const made = await createOrgSeal({ userId: e.admin.user.id, orgId: e.org.id, input: { kind: "LEGAL_REP", certificateId: cert.id }, file: stamp });
    await expectAppError(decideSeal({ reviewerId: reviewer.id, input: { sealId: made.id, decision: "reject", reason: "" } }), "validation_failed");
    await decideSeal({ reviewerId: reviewer.id, input: { sealId: made.id, decision: "reject", reason: "印模不清晰，请重新拍摄" } });
    expect(await db.seal.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ status: "REJECTED", rejectReason: "印模不清晰，请重新拍摄", reviewedById: reviewer.id });
    await submitSealImage({ userId: e.sealAdmin.id, input: { sealId: made.id }, file: stamp });
    expect(await db.seal.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ status: "PENDING_REVIEW", rejectReason: null });
    await cancelSeal({ userId: e.admin.user.id, sealId: made.id });
    await expectAppError(cancelSeal({ userId: e.admin.user.id, sealId: made.id }), "conflict");
    await expectAppError(decideSeal({ reviewerId: reviewer.id, input: { sealId: made.id, decision: "approve" } }), "conflict");

    const original = await createOrgSeal({ userId: e.admin.user.id, orgId: e.org.id, input: { kind: "CONTRACT", certificateId: cert.id }, file: stamp });
    await decideSeal({ reviewerId: reviewer.id, input: { sealId: original.id, decision: "approve" } });
    const changes = await Promise.allSettled(Array.from({ length: 5 }, () => submitSealImage({ userId: e.admin.user.id, input: { sealId: original.id }, file: stamp })));
    expect(changes.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const change = (changes.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value;
    expect(change.id).not.toBe(original.id);
    expect((await db.seal.findUniqueOrThrow({ where: { id: original.id } })).status).toBe("APPROVED");
    await decideSeal({ reviewerId: reviewer.id, input: { sealId: change.id, decision: "approve" } });
    expect(await db.seal.findUniqueOrThrow({ where: { id: original.id } })).toMatchObject({ status: "VOIDED", voidReason: "replaced" });
    expect((await db.seal.findUniqueOrThrow({ where: { id: change.id } })).status).toBe("APPROVED");
  });

  it("a reviewer cannot decide a seal they made", async () => {
    const cert = await signCertOf(e.admin.user.id, e.org.id);
    const made = await createOrgSeal({ userId: e.admin.user.id, orgId: e.org.id, input: { kind: "OFFICIAL", certificateId: cert.id }, file: stamp });
    await expectAppError(decideSeal({ reviewerId: e.admin.user.id, input: { sealId: made.id, decision: "approve" } }), "forbidden");
  });
});

describe("personal seals", () => {
  it("10 parallel creations → 3 (the cap), generated ones approved at once with a verifying SES_Seal; deleting one frees a place", async () => {
    const p = await personWithCertificate(e.channel.id);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => createPersonalSeal({ userId: p.user.id, input: { source: "GENERATED", certificateId: p.cert.id }, file: null })));
    const ok = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ id: string; status: string }>[];
    expect(ok).toHaveLength(3);
    const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(refused.every((r) => r.reason.code === "conflict" && r.reason.userMessage === "seals.errors.maxPersonal")).toBe(true);
    expect(await db.seal.count({ where: { userId: p.user.id } })).toBe(3);
    expect(ok.every((r) => r.value.status === "APPROVED")).toBe(true);
    const row = await db.seal.findUniqueOrThrow({ where: { id: ok[0]!.value.id } });
    expect(row).toMatchObject({ kind: "PERSONAL", source: "GENERATED", name: "张三丰 个人印章" });
    expect(verifySesSeal(row.sesDer!, { makerPublicKey: (await loadIssuingCa()).signer.publicKey }).ok).toBe(true);
    expect(parseSesSeal(row.sesDer!).info.type).toBe(2);

    await deletePersonalSeal({ userId: p.user.id, sealId: row.id });
    const handwritten = await createPersonalSeal({ userId: p.user.id, input: { source: "HANDWRITTEN", certificateId: p.cert.id }, file: new Uint8Array(await signaturePhoto()) });
    expect(handwritten.status).toBe("PENDING_REVIEW");
    expect(await db.seal.findUniqueOrThrow({ where: { id: handwritten.id } })).toMatchObject({ kind: "HANDWRITTEN", source: "HANDWRITTEN", widthPx: 600 });
    await expectAppError(createPersonalSeal({ userId: p.user.id, input: { source: "UPLOAD", certificateId: p.cert.id }, file: stamp }), "conflict", "seals.errors.maxPersonal");
  });

  it("where the channel does not allow it, a generated seal goes to review; another person's certificate is not bindable", async () => {
    const channel = await createChannel();
    await db.channel.update({ where: { id: channel.id }, data: { autoApproveGeneratedSeals: false } });
    const p = await personWithCertificate(channel.id);
    expect((await createPersonalSeal({ userId: p.user.id, input: { source: "GENERATED", certificateId: p.cert.id, style: "round" }, file: null })).status).toBe("PENDING_REVIEW");
    const other = await createUser();
    await expectAppError(createPersonalSeal({ userId: other.id, input: { source: "GENERATED", certificateId: p.cert.id }, file: null }), "not_found");
  });

  it("downloading the picture and the structure needs the bound certificate's PIN: a wrong PIN is a counted failure, the right one returns both", async () => {
    const p = await personWithCertificate(e.channel.id);
    const seal = await createPersonalSeal({ userId: p.user.id, input: { source: "GENERATED", certificateId: p.cert.id }, file: null });
    await expectAppError(downloadSeal({ userId: p.user.id, sealId: seal.id, input: { pin: "000000" } }), "code_invalid");
    const share = await db.keyShare.findUniqueOrThrow({ where: { id: p.cert.keyShareId! }, select: { pinFailures: true } });
    expect(share.pinFailures).toBe(1);
    await expectAppError(downloadSeal({ userId: p.user.id, sealId: seal.id, input: { pin: "12" } }), "validation_failed");
    const other = await createUser();
    await expectAppError(downloadSeal({ userId: other.id, sealId: seal.id, input: { pin: PIN } }), "not_found");
    const got = await downloadSeal({ userId: p.user.id, sealId: seal.id, input: { pin: PIN } });
    expect(Buffer.from(got.pngBase64, "base64").subarray(1, 4).toString()).toBe("PNG");
    expect(verifySesSeal(Buffer.from(got.sesSealBase64, "base64"), { makerPublicKey: (await loadIssuingCa()).signer.publicKey }).ok).toBe(true);
    expect(await db.auditLog.count({ where: { action: "seal.downloaded", targetId: seal.id } })).toBe(1);
  });
});

describe("voiding", () => {
  it("revoking a certificate voids its seals in the revocation's transaction; superseded asks for new ones (needsReapply)", async () => {
    const p = await personWithCertificate(e.channel.id);
    const seal = await createPersonalSeal({ userId: p.user.id, input: { source: "GENERATED", certificateId: p.cert.id }, file: null });
    const pending = await createPersonalSeal({ userId: p.user.id, input: { source: "UPLOAD", certificateId: p.cert.id }, file: stamp });
    await revokePair({ certificateId: p.cert.id, reason: "superseded", actorId: p.user.id });
    for (const id of [seal.id, pending.id]) expect(await db.seal.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "VOIDED", voidReason: "certificate_superseded", needsReapply: true });
    expect(await listUsableSeals({ userId: p.user.id, certificateId: p.cert.id })).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "seal.voided", targetId: { in: [seal.id, pending.id] } } })).toBe(2);
    await expectAppError(decideSeal({ reviewerId: reviewer.id, input: { sealId: pending.id, decision: "approve" } }), "conflict");

    const q = await personWithCertificate(e.channel.id);
    const other = await createPersonalSeal({ userId: q.user.id, input: { source: "GENERATED", certificateId: q.cert.id }, file: null });
    await revokePair({ certificateId: q.cert.id, reason: "keyCompromise", actorId: q.user.id });
    expect(await db.seal.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "VOIDED", voidReason: "certificate_revoked", needsReapply: false });
  });
});

describe("the wizard's seal option (同时办理电子印章)", () => {
  it("the unit wizard's goods step adds the channel's SEAL price (+¥200) to the quote and the order, and the paid order asks for the enterprise's 公章; an individual's goods step cannot add it", async () => {
    const channel = await createChannel();
    const unit = await unitOrderAtMaterials({ channelCode: channel.code, goods: { withSeal: true } });
    expect(unit.quote).toMatchObject({ certFen: 38000, sealFen: 20000, totalFen: 58000 });
    const signed = await signUnitOrder({ userId: unit.user.id, orderId: unit.order.id, handlerPhone: unit.handler.phone });
    expect(signed.status).toBe("AWAITING_PAYMENT");
    const row = await db.order.findUniqueOrThrow({ where: { id: unit.order.id }, select: { withSeal: true, priceFen: true, orgId: true, subjectName: true } });
    expect(row).toMatchObject({ withSeal: true, priceFen: 58000 });
    expect(row.orgId).not.toBeNull();
    const payment = await db.payment.create({ data: { orderId: unit.order.id, provider: "sandbox", amountFen: row.priceFen! } });
    await db.$transaction((tx) => onOrderPaid(tx, { orderId: unit.order.id, paymentId: payment.id }));
    expect(await db.seal.findMany({ where: { orderId: unit.order.id }, select: { orgId: true, kind: true, status: true, name: true } })).toEqual([{ orgId: row.orgId, kind: "OFFICIAL", status: "AWAITING_IMAGE", name: `${row.subjectName} 公章` }]);

    const person = await createUser();
    const order = await createOrder({ userId: person.id, subjectType: "INDIVIDUAL", channelCode: channel.code });
    await saveMethodStep({ userId: person.id, orderId: order.id, input: { method: "PHONE3", agreed: true } });
    await savePersonStep({ userId: person.id, orderId: order.id, input: { name: "王个人", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: uniquePhone(), email: "p@example.com" } });
    const { quote } = await saveGoodsStep({ userId: person.id, orderId: order.id, input: goodsInput({ withSeal: true }) });
    expect(quote).toMatchObject({ certFen: 9800, sealFen: 0, totalFen: 9800 });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { withSeal: true, priceFen: true } })).toEqual({ withSeal: false, priceFen: 9800 });
  });

  it("a paid unit order with the option asks for the enterprise's 公章; its picture is accepted once the order's signing certificate is issued, bound to it", async () => {
    const admin = e.admin.user;
    const order = await db.order.create({
      data: { no: generateOrderNo(), userId: admin.id, channelId: e.channel.id, orgId: e.org.id, subjectType: "UNIT", subjectKey: e.enterprise.uscc, subjectName: e.enterprise.name, status: "AWAITING_PAYMENT", step: "pay", verificationMethod: "CORP_DEPOSIT", withSeal: true, years: 1, priceFen: 58000, draft: (await db.order.findUniqueOrThrow({ where: { id: e.admin.order.id } })).draft as object },
    });
    const payment = await db.payment.create({ data: { orderId: order.id, provider: "sandbox", amountFen: 58000 } });
    await db.$transaction((tx) => onOrderPaid(tx, { orderId: order.id, paymentId: payment.id }));
    await db.$transaction((tx) => onOrderPaid(tx, { orderId: order.id, paymentId: payment.id }));
    const asked = await db.seal.findMany({ where: { orderId: order.id } });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ orgId: e.org.id, kind: "OFFICIAL", status: "AWAITING_IMAGE", certificateId: null });
    await expectAppError(submitSealImage({ userId: admin.id, input: { sealId: asked[0]!.id }, file: stamp }), "conflict", "seals.errors.certificateNotIssued");
    await db.order.update({ where: { id: order.id }, data: { status: "APPROVED", approvedAt: new Date() } });
    await downloadAsPhone(admin.id, order.id, PIN);
    const sign = await db.certificate.findFirstOrThrow({ where: { orderId: order.id, usage: "SIGN" } });
    await submitSealImage({ userId: e.sealAdmin.id, input: { sealId: asked[0]!.id }, file: stamp });
    expect(await db.seal.findUniqueOrThrow({ where: { id: asked[0]!.id } })).toMatchObject({ status: "PENDING_REVIEW", certificateId: sign.id });
  });
});
