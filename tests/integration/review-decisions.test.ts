import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { approveOrder } from "@/lib/server/reviews/approve-order";
import { rejectOrder } from "@/lib/server/reviews/reject-order";
import { listReviewQueue } from "@/lib/server/reviews/list-review-queue";
import { getReviewOrder } from "@/lib/server/reviews/get-review-order";
import { countReviewQueue } from "@/lib/server/reviews/count-review-queue";
import { getOrderForUser } from "@/lib/server/orders/get-order-for-user";
import { reapplyOrder } from "@/lib/server/orders/reapply-order";
import { transitionOrder } from "@/lib/server/orders/transition-order";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { createChannel, createSubmittedOrder } from "../support/review-fixtures";
import { expectInvalid } from "../support/expect-invalid";

const reviewer = () => createUser({ role: "CA_REVIEWER" });

describe("review decisions", () => {
  it("approves an order: APPROVED, and the applicant gets SMS, email and an inbox message", async () => {
    const [applicant, r1] = await Promise.all([createUser(), reviewer()]);
    const order = await createSubmittedOrder({ userId: applicant.id });
    expect(await approveOrder({ user: r1, input: { orderId: order.id } })).toEqual({ outcome: "APPROVED" });
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).toBe("APPROVED");
    expect(after.approvedAt).toBeInstanceOf(Date);
    const inbox = await db.inboxMessage.findMany({ where: { userId: applicant.id } });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.link).toBe(`/m/download/${order.id}`);
    await runDueJobs();
    const sms = await db.outboxMessage.findFirst({ where: { to: applicant.phone, channel: "SMS" }, orderBy: { createdAt: "desc" } });
    expect(sms?.body).toContain(order.no);
    const email = await db.outboxMessage.findFirst({ where: { to: "zhang@example.test", channel: "EMAIL", body: { contains: order.no } } });
    expect(email?.subject).toBe("证书申请已通过审核");
    const events = await db.orderEvent.findMany({ where: { orderId: order.id, type: "approved" } });
    expect(events).toHaveLength(1);
  });

  it("rejects only with a reason, which the applicant sees", async () => {
    const [applicant, r1] = await Promise.all([createUser(), reviewer()]);
    const order = await createSubmittedOrder({ userId: applicant.id });
    await expectInvalid(rejectOrder({ user: r1, input: { orderId: order.id, reason: "" } }), "reason");
    await expectInvalid(rejectOrder({ user: r1, input: { orderId: order.id, reason: "   " } }), "reason");
    await expectInvalid(rejectOrder({ user: r1, input: { orderId: order.id } }), "reason");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("IN_REVIEW");

    await rejectOrder({ user: r1, input: { orderId: order.id, reason: "营业执照照片模糊，请重新上传" } });
    const after = await getOrderForUser({ userId: applicant.id, orderId: order.id });
    expect(after.status).toBe("REJECTED");
    expect(after.rejectReason).toBe("营业执照照片模糊，请重新上传");
    const inbox = await db.inboxMessage.findFirstOrThrow({ where: { userId: applicant.id } });
    expect(inbox.body).toContain("营业执照照片模糊");
    expect(inbox.link).toBe(`/orders/${order.id}`);
  });

  it("four-eyes: the same reviewer twice is refused, a second reviewer approves", async () => {
    const [applicant, r1, r2] = await Promise.all([createUser(), reviewer(), reviewer()]);
    const channel = await createChannel({ requireTwoReviewers: true });
    const order = await createSubmittedOrder({ userId: applicant.id, channelId: channel.id });
    expect(await approveOrder({ user: r1, input: { orderId: order.id } })).toEqual({ outcome: "AWAITING_SECOND_REVIEWER", approvals: 1, needed: 2 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("IN_REVIEW");
    await expectAppError(approveOrder({ user: r1, input: { orderId: order.id } }), "conflict", "review.errors.alreadyReviewed");
    expect(await db.inboxMessage.count({ where: { userId: applicant.id } })).toBe(0);

    expect(await approveOrder({ user: r2, input: { orderId: order.id } })).toEqual({ outcome: "APPROVED" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("APPROVED");
    expect(await db.review.count({ where: { orderId: order.id, decision: "APPROVE" } })).toBe(2);
  });

  it("two reviewers acting at once produce exactly one outcome", async () => {
    for (let i = 0; i < 3; i++) {
      const [applicant, r1, r2] = await Promise.all([createUser(), reviewer(), reviewer()]);
      const order = await createSubmittedOrder({ userId: applicant.id });
      const results = await Promise.allSettled([
        approveOrder({ user: r1, input: { orderId: order.id } }),
        rejectOrder({ user: r2, input: { orderId: order.id, reason: "材料与核验结果不符" } }),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      expect(ok).toHaveLength(1);
      const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(failed.reason.code).toBe("conflict");
      const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
      const events = await db.orderEvent.findMany({ where: { orderId: order.id, type: { in: ["approved", "rejected"] } } });
      expect(events).toHaveLength(1);
      expect(after.status).toBe(events[0]!.toStatus);
      expect(await db.inboxMessage.count({ where: { userId: applicant.id } })).toBe(1);
    }
  });

  it("two approvals at once on a one-reviewer channel approve once", async () => {
    const [applicant, r1, r2] = await Promise.all([createUser(), reviewer(), reviewer()]);
    const order = await createSubmittedOrder({ userId: applicant.id });
    const results = await Promise.allSettled([approveOrder({ user: r1, input: { orderId: order.id } }), approveOrder({ user: r2, input: { orderId: order.id } })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.orderEvent.count({ where: { orderId: order.id, type: "approved" } })).toBe(1);
  });

  it("after a rejection the applicant corrects and resubmits; the next round is reviewed afresh", async () => {
    const [applicant, r1] = await Promise.all([createUser(), reviewer()]);
    const order = await createSubmittedOrder({ userId: applicant.id });
    await rejectOrder({ user: r1, input: { orderId: order.id, reason: "请补充授权书" } });
    await reapplyOrder({ userId: applicant.id, orderId: order.id });
    // The wizard signs again and submits: DRAFT → IN_REVIEW (paid orders skip payment).
    await db.$transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "IN_REVIEW", actorId: applicant.id, type: "submitted" }));
    const again = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(again.reviewRound).toBe(1);
    expect(await approveOrder({ user: r1, input: { orderId: order.id } })).toEqual({ outcome: "APPROVED" });
    const detail = await getReviewOrder({ user: r1, orderId: order.id });
    expect(detail.reviews.map((r) => [r.round, r.decision])).toEqual([
      [0, "REJECT"],
      [1, "APPROVE"],
    ]);
  });

  it("修改后重新申请 opens the step the reason concerns and keeps the steps before the signature completed", async () => {
    const [applicant, r1] = await Promise.all([createUser(), reviewer()]);
    const order = await createSubmittedOrder({ userId: applicant.id });
    // An individual has no 经办人 step: the reviewer cannot name one.
    await expectAppError(rejectOrder({ user: r1, input: { orderId: order.id, reason: "经办人身份证模糊", step: "handler" } }), "validation_failed");
    await expectInvalid(rejectOrder({ user: r1, input: { orderId: order.id, reason: "身份证照片模糊", step: "pay" } }), "step");
    await rejectOrder({ user: r1, input: { orderId: order.id, reason: "身份证人像面照片模糊，请重新上传", step: "materials" } });
    expect((await db.review.findFirstOrThrow({ where: { orderId: order.id } })).step).toBe("materials");
    const opened = await reapplyOrder({ userId: applicant.id, orderId: order.id });
    expect(opened).toEqual({ step: "materials", path: `/apply/individual/${order.id}/materials` });
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    // The resume point is the signature (signed again), not the subject step: method … materials stay done.
    expect([after.status, after.step, after.signedAt, after.rejectReason]).toEqual(["DRAFT", "sign", null, "身份证人像面照片模糊，请重新上传"]);

    // A rejection that names no step ("" is the form's 不指定) opens the subject's details.
    const other = await createSubmittedOrder({ userId: applicant.id });
    await rejectOrder({ user: r1, input: { orderId: other.id, reason: "请核对姓名", step: "" } });
    expect(await reapplyOrder({ userId: applicant.id, orderId: other.id })).toEqual({ step: "person", path: `/apply/individual/${other.id}/person` });
    expect((await db.order.findUniqueOrThrow({ where: { id: other.id } })).step).toBe("sign");
  });

  it("a reviewer cannot review their own application", async () => {
    const r1 = await reviewer();
    const order = await createSubmittedOrder({ userId: r1.id });
    await expectAppError(approveOrder({ user: r1, input: { orderId: order.id } }), "forbidden");
  });

  it("an applicant cannot call review functions (FORBIDDEN) nor read another applicant's order (NOT_FOUND)", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    const order = await createSubmittedOrder({ userId: b.id });
    await expectAppError(approveOrder({ user: a, input: { orderId: order.id } }), "forbidden");
    await expectAppError(rejectOrder({ user: a, input: { orderId: order.id, reason: "我来退回" } }), "forbidden");
    await expectAppError(listReviewQueue({ user: a, filter: {} }), "forbidden");
    await expectAppError(getReviewOrder({ user: a, orderId: order.id }), "forbidden");
    expect(await countReviewQueue({ user: a })).toBe(0);
    await expectAppError(getOrderForUser({ userId: a.id, orderId: order.id }), "not_found");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("IN_REVIEW");
  });

  it("the queue lists oldest first and filters by type, channel, status and age", async () => {
    const [applicant, r1] = await Promise.all([createUser(), reviewer()]);
    const channel = await createChannel();
    const old = await createSubmittedOrder({ userId: applicant.id, channelId: channel.id });
    await db.order.update({ where: { id: old.id }, data: { submittedAt: new Date(Date.now() - 5 * 86_400_000) } });
    const unit = await createSubmittedOrder({ userId: applicant.id, channelId: channel.id, subjectType: "UNIT" });
    const paper = await createSubmittedOrder({ userId: applicant.id, channelId: channel.id, status: "AWAITING_PAPER" });
    const ids = async (filter: object) => (await listReviewQueue({ user: r1, filter: { channel: channel.code, ...filter } })).orders.map((o) => o.id);
    expect(await ids({})).toEqual([old.id, unit.id, paper.id]);
    expect(await ids({ type: "UNIT" })).toEqual([unit.id]);
    expect(await ids({ status: "AWAITING_PAPER" })).toEqual([paper.id]);
    expect(await ids({ age: "3d" })).toEqual([old.id]);
    expect(await ids({ age: "7d" })).toEqual([]);
    expect(await ids({ type: "bogus" })).toHaveLength(3);
  });
});
