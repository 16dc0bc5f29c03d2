import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";
import { loginWithPassword } from "@/lib/server/auth/login-with-password";
import { loginWithSms } from "@/lib/server/auth/login-with-sms";
import { sendVerificationCode } from "@/lib/server/auth/send-verification-code";
import { approveOrder } from "@/lib/server/reviews/approve-order";
import { rejectOrder } from "@/lib/server/reviews/reject-order";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { releaseWrapKey } from "@/lib/server/keys/release-wrap-key";
import { downloadAsPhone } from "../support/phone-download";
import { createUser, uniqueIp, uniquePhone } from "../support/factories";
import { latestSmsCode } from "../support/outbox";
import { expectAppError } from "../support/expect-app-error";
import { createChannel, createSubmittedOrder } from "../support/review-fixtures";

// Refused attempts leave a row (in their own transaction, so it survives the refusal), with the
// number masked and never the password or the code.
// Masked numbers can repeat across test files on one database: the address is unique per test.
const failedLogins = (phone: string, ip: string) =>
  db.auditLog.findMany({ where: { action: "auth.login_failed", ip, data: { path: ["phone"], equals: maskPhone(phone) } }, orderBy: { id: "asc" } });

const text = (row: { id: bigint } | undefined) => JSON.stringify({ ...row, id: String(row?.id) });

const refusals = (orderId: string) => db.auditLog.findMany({ where: { action: "order.decision_refused", targetId: orderId }, orderBy: { id: "asc" } });

describe("refused attempts in the audit log", () => {
  it("a wrong password, an unknown number and a disabled account are recorded, masked, without the password", async () => {
    const user = await createUser({ password: "right1234" });
    const ip = uniqueIp();
    await expectAppError(loginWithPassword({ phone: user.phone, password: "wrong-secret-1", ip }), "unauthenticated");
    const [row] = await failedLogins(user.phone, ip);
    expect(row).toMatchObject({ actorId: null, targetType: "user", targetId: user.id, ip, data: { method: "password", phone: maskPhone(user.phone), reason: "bad_password", left: 4 } });
    expect(text(row)).not.toContain("wrong-secret-1");
    expect(text(row)).not.toContain(user.phone);

    const stranger = uniquePhone();
    await expectAppError(loginWithPassword({ phone: stranger, password: "whatever1", ip }), "unauthenticated");
    expect(await failedLogins(stranger, ip)).toEqual([expect.objectContaining({ targetId: "-", data: expect.objectContaining({ reason: "no_account" }) })]);

    const disabled = await createUser({ password: "right1234" });
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    await expectAppError(loginWithPassword({ phone: disabled.phone, password: "right1234", ip }), "forbidden");
    expect(await failedLogins(disabled.phone, ip)).toEqual([expect.objectContaining({ targetId: disabled.id, data: expect.objectContaining({ reason: "account_disabled" }) })]);

    // A successful login writes auth.login, not a failure.
    await loginWithPassword({ phone: user.phone, password: "right1234", ip });
    expect(await failedLogins(user.phone, ip)).toHaveLength(1);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("10 parallel wrong passwords: the 5 evaluated guesses are recorded, the refused-by-lock ones are not", async () => {
    const user = await createUser({ password: "right1234" });
    const ip = uniqueIp();
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => loginWithPassword({ phone: user.phone, password: `wrong-guess-${i}`, ip })));
    const codes = results.map((r) => (r.status === "rejected" && r.reason instanceof AppError ? r.reason.code : "ok"));
    expect(codes.filter((c) => c === "unauthenticated")).toHaveLength(4);
    expect(codes.filter((c) => c === "locked")).toHaveLength(6);
    const rows = await failedLogins(user.phone, ip);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => (r.data as { left: number }).left).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const r of rows) {
      expect(r.data).toMatchObject({ method: "password", reason: "bad_password" });
      expect(text(r)).not.toMatch(/wrong-guess/);
    }
  });

  it("wrong SMS codes are recorded (reason and tries left, never the code), 10 in parallel give 5 rows", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    await sendVerificationCode({ phone, purpose: "LOGIN", ip, locale: "zh-CN" });
    const code = await latestSmsCode(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    await expectAppError(loginWithSms({ phone, code: wrong, ip }), "code_invalid");
    const [first] = await failedLogins(phone, ip);
    expect(first).toMatchObject({ targetId: "-", ip, data: { method: "sms", phone: maskPhone(phone), reason: "wrong_code", left: 4 } });

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => loginWithSms({ phone, code: wrong, ip })));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    const rows = await failedLogins(phone, ip);
    // Five tries per code: the first above and four more; the rest were refused before any comparison.
    expect(rows).toHaveLength(5);
    // The try that used the code up is one of the parallel ones; their rows commit in any order.
    expect(rows.filter((r) => (r.data as { reason?: string }).reason === "code_exhausted").map((r) => r.data)).toMatchObject([{ reason: "code_exhausted", left: 0 }]);
    for (const r of rows) {
      expect(text(r)).not.toContain(wrong);
      expect(text(r)).not.toContain(code);
    }

    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("a refused approval or rejection is recorded with its reason; a successful one is not", async () => {
    const [applicant, r1, r2] = await Promise.all([createUser(), createUser({ role: "CA_REVIEWER" }), createUser({ role: "CA_REVIEWER" })]);
    const channel = await createChannel({ requireTwoReviewers: true });
    const order = await createSubmittedOrder({ userId: applicant.id, channelId: channel.id });

    await expectAppError(approveOrder({ user: applicant, input: { orderId: order.id } }), "forbidden");
    await approveOrder({ user: r1, input: { orderId: order.id } });
    await expectAppError(approveOrder({ user: r1, input: { orderId: order.id } }), "conflict", "review.errors.alreadyReviewed");
    await approveOrder({ user: r2, input: { orderId: order.id } });
    await expectAppError(rejectOrder({ user: r2, input: { orderId: order.id, reason: "再驳回一次试试" } }), "conflict", "review.errors.notReviewable");
    // Bad input (no reason) is a validation error, not a refused decision.
    await expect(rejectOrder({ user: r2, input: { orderId: order.id } })).rejects.toThrow();

    const rows = await refusals(order.id);
    expect(rows.map((r) => [r.actorId, r.data])).toEqual([
      [applicant.id, { decision: "approve", reason: "no_permission", code: "forbidden" }],
      [r1.id, { decision: "approve", reason: "already_reviewed", code: "conflict" }],
      [r2.id, { decision: "reject", reason: "not_reviewable", code: "conflict" }],
    ]);

    // A reviewer's own application.
    const own = await createSubmittedOrder({ userId: r1.id });
    await expectAppError(approveOrder({ user: r1, input: { orderId: own.id } }), "forbidden", "review.errors.ownOrder");
    expect((await refusals(own.id)).map((r) => r.data)).toEqual([{ decision: "approve", reason: "own_order", code: "forbidden" }]);
  });

  it("two reviewers deciding at once: one decision, the other refused and recorded once", async () => {
    const [applicant, r1, r2] = await Promise.all([createUser(), createUser({ role: "CA_REVIEWER" }), createUser({ role: "CA_REVIEWER" })]);
    const order = await createSubmittedOrder({ userId: applicant.id });
    const results = await Promise.allSettled([
      approveOrder({ user: r1, input: { orderId: order.id } }),
      rejectOrder({ user: r2, input: { orderId: order.id, reason: "材料不全，请补充" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rows = await refusals(order.id);
    expect(rows).toHaveLength(1);
    const loser = results[0]!.status === "rejected" ? r1 : r2;
    expect(rows[0]).toMatchObject({ actorId: loser.id, data: { reason: "not_reviewable", code: "conflict" } });
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("wrong PINs, 5 in parallel: each is counted and recorded (the fifth as key.locked), never the PIN", async () => {
    const user = await createUser();
    const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
    const { stored } = await downloadAsPhone(user.id, order.id, "246813");
    const ip = uniqueIp();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => releaseWrapKey({ userId: user.id, keyShareId: stored.sign.keyShareId, input: { pin: "975319" }, ip })));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    const rows = await db.auditLog.findMany({ where: { actorId: user.id, action: { in: ["key.pin_failed", "key.locked"] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, (r.data as { failures: number }).failures])).toEqual([
      ["key.pin_failed", 1],
      ["key.pin_failed", 2],
      ["key.pin_failed", 3],
      ["key.pin_failed", 4],
      ["key.locked", 5],
    ]);
    for (const r of rows) {
      expect(r.ip).toBe(ip);
      expect(text(r)).not.toContain("975319");
    }
  });
});
