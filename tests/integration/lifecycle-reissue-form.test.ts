// 证书补办 where the channel asks for the stamped 补办申请表 (Channel.reissueNeedsForm): the REISSUE
// order waits as a DRAFT until the holder uploads the form through the materials upload, which
// moves it to the review queue (one move of racing uploads); with the switch off it goes to review
// at once, as before, and no form exists.
import { PDFDocument } from "pdf-lib";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { bytesToHex } from "@/lib/pki/encoding";
import { generateKeyPair } from "@/lib/pki/sm2";
import { db } from "@/lib/db/client";
import { updateChannel } from "@/lib/server/channels/update-channel";
import { assertSafePdf } from "@/lib/server/materials/assert-safe-pdf";
import { saveMaterial } from "@/lib/server/materials/save-material";
import { reissueGetOrder } from "@/lib/server/orders/reissue-get-order";
import { reissueStartOrder } from "@/lib/server/orders/reissue-start-order";
import { renderReissueForm } from "@/lib/server/orders/render-reissue-form";
import { approveOrder } from "@/lib/server/reviews/approve-order";
import { expectAppError } from "../support/expect-app-error";
import { createUser } from "../support/factories";
import { downloadAsPhone } from "../support/phone-download";
import { createSubmittedOrder } from "../support/review-fixtures";

const PIN = "285714";
const png = async (text: string) => new Uint8Array(await QRCode.toBuffer(text));

async function startReissue({ needsForm }: { needsForm: boolean }) {
  const user = await createUser();
  const original = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
  await downloadAsPhone(user.id, original.id, PIN);
  // The console's channel page saving the switch (the channel's other settings unchanged).
  const admin = await createUser({ role: "CA_ADMIN" });
  const c = await db.channel.findUniqueOrThrow({ where: { id: original.channelId }, include: { prices: true } });
  await updateChannel({
    user: admin,
    input: {
      channelId: c.id, name: c.name, allowedMethods: c.allowedMethods, autoApproveIndividual: c.autoApproveIndividual, allowNoInvoice: c.allowNoInvoice,
      requireTwoReviewers: c.requireTwoReviewers, mailingAddress: c.mailingAddress ?? "", active: c.active,
      prices: c.prices.map((p) => ({ product: p.product, years: p.years, price: String(p.priceFen / 100) })),
      reissueNeedsForm: needsForm,
    },
  });
  expect((await db.channel.findUniqueOrThrow({ where: { id: c.id } })).reissueNeedsForm).toBe(needsForm);
  const person = (original.draft as { person: { name: string; idNumber: string } }).person;
  const sign = await db.certificate.findFirstOrThrow({ where: { orderId: original.id, usage: "SIGN" }, select: { id: true, serialHex: true } });
  const started = await reissueStartOrder({
    userId: user.id,
    input: { certificateId: sign.id, name: person.name, idNumber: person.idNumber, transportPublicKey: bytesToHex(generateKeyPair().publicKey) },
  });
  return { user, original, started };
}

describe("证书补办 with the stamped form", () => {
  it("switch on: the order waits for the form; the upload (one of 10 racing) moves it to IN_REVIEW, and the reviewer can approve it", async () => {
    const { user, started } = await startReissue({ needsForm: true });
    expect(started.status).toBe("DRAFT");
    expect(await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).toMatchObject({ kind: "REISSUE", status: "DRAFT", step: "reissue-form" });
    expect(await reissueGetOrder({ userId: user.id, orderId: started.orderId })).toMatchObject({ status: "DRAFT", needsForm: true, form: null });

    // The form: a one-page PDF the materials check itself would accept; only the holder gets it.
    const form = await renderReissueForm({ userId: user.id, orderId: started.orderId });
    expect(Buffer.from(form.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect((await PDFDocument.load(form.bytes)).getPageCount()).toBe(1);
    await assertSafePdf(form.bytes);
    const stranger = await createUser();
    await expectAppError(renderReissueForm({ userId: stranger.id, orderId: started.orderId }), "not_found");

    // Only the form belongs on a reissue order, and not before the review: an ID photo is refused, the order stays.
    await expectAppError(saveMaterial({ userId: user.id, orderId: started.orderId, kind: "ID_FRONT", file: { name: "id.png", bytes: await png("id") } }), "validation_failed");
    // Checked by content: a renamed executable is refused, nothing moves.
    await expectAppError(saveMaterial({ userId: user.id, orderId: started.orderId, kind: "REISSUE_FORM", file: { name: "form.pdf", bytes: new Uint8Array(Buffer.from("MZ\x90\x00 not a pdf")) } }), "validation_failed");
    expect((await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).status).toBe("DRAFT");

    const scans = await Promise.all(Array.from({ length: 10 }, (_, i) => png(`补办申请表 ${i}`)));
    const uploads = await Promise.allSettled(scans.map((bytes, i) => saveMaterial({ userId: user.id, orderId: started.orderId, kind: "REISSUE_FORM", file: { name: `form-${i}.png`, bytes } })));
    expect(uploads.filter((u) => u.status === "fulfilled")).toHaveLength(1);
    const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId }, include: { events: true, materials: true } });
    expect(order).toMatchObject({ status: "IN_REVIEW", step: "reissue" });
    expect(order.submittedAt).not.toBeNull();
    expect(order.events.filter((e) => e.type === "submitted" && e.toStatus === "IN_REVIEW")).toHaveLength(1);
    expect(order.materials.map((m) => [m.kind, m.mime, m.replacedAt])).toEqual([["REISSUE_FORM", "image/png", null]]);
    expect((await reissueGetOrder({ userId: user.id, orderId: started.orderId })).form).toMatchObject({ id: order.materials[0]!.id });
    // After that the form cannot be swapped under the reviewer.
    await expectAppError(saveMaterial({ userId: user.id, orderId: started.orderId, kind: "REISSUE_FORM", file: { name: "late.png", bytes: await png("late") } }), "conflict");

    const reviewer = await createUser({ role: "CA_REVIEWER" });
    await approveOrder({ user: reviewer, input: { orderId: started.orderId } });
    expect((await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).status).toBe("APPROVED");
  });

  it("switch off: the order goes to review at once, as before; there is no form, and no other order takes one", async () => {
    const { user, started } = await startReissue({ needsForm: false });
    expect(started.status).toBe("IN_REVIEW");
    expect(await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).toMatchObject({ status: "IN_REVIEW", step: "reissue" });
    expect(await reissueGetOrder({ userId: user.id, orderId: started.orderId })).toMatchObject({ needsForm: false, form: null });
    await expectAppError(renderReissueForm({ userId: user.id, orderId: started.orderId }), "not_found");

    const draft = await createSubmittedOrder({ userId: user.id, status: "DRAFT" });
    await expectAppError(saveMaterial({ userId: user.id, orderId: draft.id, kind: "REISSUE_FORM", file: { name: "form.png", bytes: await png("form") } }), "validation_failed");
    expect(await db.material.count({ where: { orderId: draft.id } })).toBe(0);
  });
});
