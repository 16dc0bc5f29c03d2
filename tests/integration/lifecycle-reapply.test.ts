import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { listOrders } from "@/lib/server/orders/list-orders";
import { isReapplicable, reapplyCertificate } from "@/lib/server/orders/reapply-certificate";
import { expectAppError } from "../support/expect-app-error";
import { createUser } from "../support/factories";
import { createChannel } from "./orders-fixtures";
import { subjectWithCertificate } from "./lifecycle-fixtures";
import { useOwnDatabase } from "./own-database";

// A database of its own on PostgreSQL: its fixture CA rows are not a real hierarchy, which other files must not see.
await useOwnDatabase("lifecycle_reapply");

const past = () => new Date(Date.now() - 86400_000);

/** The re-application made a new order (not an enterprise request): its id. */
function newOrderOf(r: { orderId: string | null; nextPath: string }) {
  if (!r.orderId) throw new Error(`no new order: ${r.nextPath}`);
  return { orderId: r.orderId, nextPath: r.nextPath };
}

describe("重新申请 for an expired or revoked certificate", () => {
  it("starts a new order of the same subject and channel with the old data prefilled, through the wizard", async () => {
    const channel = await createChannel();
    const s = await subjectWithCertificate({ channelId: channel.id, notAfter: past() });
    const { orderId, nextPath } = newOrderOf(await reapplyCertificate({ userId: s.applicant.id, certificateId: s.sign.id }));
    expect(orderId).not.toBe(s.order.id);
    expect(nextPath).toBe(`/apply/unit/${orderId}/method`);

    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ kind: "NEW", status: "DRAFT", subjectType: "UNIT", subjectKey: s.subjectKey, subjectName: s.subjectName, channelId: channel.id, userId: s.applicant.id, verificationMethod: "PHONE3" });
    const oldDraft = readDraft(s.order.draft);
    const draft = readDraft(order.draft);
    expect(draft.enterprise).toEqual(oldDraft.enterprise);
    expect(draft.handler).toEqual(oldDraft.handler);
    expect(draft.goods).toEqual(oldDraft.goods);
    // Checks, agreement and signature are made again.
    expect(draft.checks).toBeUndefined();
    expect(draft.agreedUserAgreementAt).toBeUndefined();
    expect(order.signedAt).toBeNull();
    const events = await db.orderEvent.findMany({ where: { orderId }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["created", "reapplied"]);
    expect(events[1]!.note).toContain(s.sign.serialHex);
    // The old order is untouched.
    expect((await db.order.findUniqueOrThrow({ where: { id: s.order.id } })).status).toBe("COMPLETED");
  });

  it("is offered for a revoked certificate and an expired one, refused for a valid one", async () => {
    const channel = await createChannel();
    const valid = await subjectWithCertificate({ channelId: channel.id });
    await expectAppError(reapplyCertificate({ userId: valid.applicant.id, certificateId: valid.sign.id }), "conflict", "lifecycleLookup.errors.notReapplicable");
    expect(isReapplicable(valid.sign)).toBe(false);
    // The same certificate once its end has passed (a moved clock, not a sleep).
    const later = new Date(valid.sign.notAfter.getTime() + 1000);
    expect(isReapplicable(valid.sign, later)).toBe(true);
    await expect(reapplyCertificate({ userId: valid.applicant.id, certificateId: valid.sign.id, now: later })).resolves.toMatchObject({ orderId: expect.any(String) });

    const revoked = await subjectWithCertificate({ channelId: channel.id, subjectType: "INDIVIDUAL", status: "REVOKED" });
    const { orderId, nextPath } = newOrderOf(await reapplyCertificate({ userId: revoked.applicant.id, certificateId: revoked.sign.id }));
    expect(nextPath).toBe(`/apply/individual/${orderId}/method`);
    const draft = readDraft((await db.order.findUniqueOrThrow({ where: { id: orderId } })).draft);
    expect(draft.person).toEqual(readDraft(revoked.order.draft).person);
  });

  it("is NOT_FOUND for someone else's certificate", async () => {
    const channel = await createChannel();
    const s = await subjectWithCertificate({ channelId: channel.id, notAfter: past() });
    const outsider = await createUser();
    await expectAppError(reapplyCertificate({ userId: outsider.id, certificateId: s.sign.id }), "not_found");
    expect(await db.order.count({ where: { subjectKey: s.subjectKey } })).toBe(1);
  });

  it("gives one new order for 15 parallel clicks (one unfinished order per subject)", async () => {
    const channel = await createChannel();
    const s = await subjectWithCertificate({ channelId: channel.id, notAfter: past() });
    const settled = await Promise.allSettled(Array.from({ length: 15 }, () => reapplyCertificate({ userId: s.applicant.id, certificateId: s.sign.id })));
    expect(settled.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.order.count({ where: { subjectKey: s.subjectKey, status: "DRAFT" } })).toBe(1);
  });

  it("订单管理 lists the completed order with its certificate, so the row can offer 重新申请", async () => {
    const channel = await createChannel();
    const s = await subjectWithCertificate({ channelId: channel.id, notAfter: past() });
    const { orders } = await listOrders({ userId: s.applicant.id, tab: "completed" });
    const row = orders.find((o) => o.id === s.order.id)!;
    expect(row.certificates).toEqual([{ id: s.sign.id, status: "VALID", notAfter: s.sign.notAfter }]);
    expect(isReapplicable(row.certificates[0]!)).toBe(true);
  });
});
