import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { SANDBOX_IDENTITIES } from "@/lib/identity/sandbox-identities";
import { db } from "@/lib/db/client";
import { startIdentityCheck } from "@/lib/server/identity/start-identity-check";
import { confirmDepositCode } from "@/lib/server/identity/confirm-deposit-code";
import { getIdentityCheck } from "@/lib/server/identity/get-identity-check";
import { completeFaceCheck } from "@/lib/server/identity/complete-face-check";
import { sendFaceLink } from "@/lib/server/identity/send-face-link";
import { faceToken } from "@/lib/server/identity/face-link";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { createUser, uniquePhone } from "../support/factories";
import { createTestOrder } from "../support/provider-fixtures";

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** The 6-digit code of the sandbox bank's newest transfer notice to `phone`. */
async function depositCode(phone: string): Promise<string> {
  const msg = await db.outboxMessage.findFirstOrThrow({ where: { to: phone, template: "sandbox_bank_notice" }, orderBy: { createdAt: "desc" } });
  return msg.body.match(/验证码(\d{6})/)![1]!;
}

const roleFor = (m: string) => (m === "CORP_DEPOSIT" ? "ENTERPRISE" : m === "FACE" ? "LEGAL_REP" : "HANDLER") as "ENTERPRISE" | "LEGAL_REP" | "HANDLER";

describe("sandbox identities give the documented result for each method", () => {
  for (const identity of SANDBOX_IDENTITIES) {
    it(`${identity.method} ${identity.expect}${identity.reason ? ` (${identity.reason})` : ""}`, async () => {
      const { order, user } = await createTestOrder();
      const started = await startIdentityCheck({ userId: user.id, orderId: order.id, method: identity.method, role: roleFor(identity.method), subject: identity.subject });
      let final = started.status;
      let reason = started.failReason;
      if (started.next?.kind === "deposit_code") {
        const view = await confirmDepositCode({ userId: user.id, checkId: started.checkId, code: await depositCode(user.phone) });
        final = view.status as typeof final;
      } else if (started.next?.kind === "face") {
        const token = new URL(started.next.faceUrl).pathname.split("/").pop()!;
        const done = await completeFaceCheck({ token });
        final = done.status as typeof final;
        reason = done.failReason;
      }
      expect(final).toBe(identity.expect);
      expect(reason).toBe(identity.reason);
    });
  }
});

describe("identity checks", () => {
  it("PHONE3 and BANK4 finish at once and keep only masked evidence", async () => {
    const { order, user } = await createTestOrder();
    const r = await startIdentityCheck({
      userId: user.id,
      orderId: order.id,
      method: "BANK4",
      role: "HANDLER",
      subject: { name: "张三", idNumber: "11010519491231002X", bankCard: "6200 0000 0000 0005", phone: "13800138000" },
    });
    expect(r).toMatchObject({ status: "PASSED" });
    const row = await db.identityCheck.findUniqueOrThrow({ where: { id: r.checkId } });
    expect(row.subject).toEqual({ name: "张*", idNumber: "110105********002X", bankCard: "6200 **** **** 0005", phone: "138****8000" });
    expect(row.provider).toBe("sandbox");
    expect(row.providerRef).toBeTruthy();
    expect(row.completedAt).toBeInstanceOf(Date);
    const audit = await db.auditLog.findMany({ where: { targetId: r.checkId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["identity.check_started", "identity.check_passed"]);
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain("6200000000000005");
  });

  it("applies the real format checks before asking the provider", async () => {
    const { order, user } = await createTestOrder();
    const err = await startIdentityCheck({ userId: user.id, orderId: order.id, method: "PHONE3", role: "HANDLER", subject: { name: "张三", idNumber: "110105194912310021", phone: "13800138000" } }).catch((e) => e);
    expect(err.name).toBe("ZodError");
    expect(await db.identityCheck.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("allows three wrong deposit codes, then fails the check so even the right code is refused", async () => {
    const { order, user } = await createTestOrder();
    const identity = SANDBOX_IDENTITIES.find((i) => i.method === "CORP_DEPOSIT" && i.expect === "PASSED")!;
    const { checkId, status, next } = await startIdentityCheck({ userId: user.id, orderId: order.id, method: "CORP_DEPOSIT", role: "ENTERPRISE", subject: identity.subject });
    expect(status).toBe("PENDING");
    expect(next).toEqual({ kind: "deposit_code" });
    const code = await depositCode(user.phone);
    const wrong = code === "000000" ? "111111" : "000000";
    expect((await errorOf(confirmDepositCode({ userId: user.id, checkId, code: wrong }))).params).toEqual({ left: 2 });
    expect((await errorOf(confirmDepositCode({ userId: user.id, checkId, code: wrong }))).params).toEqual({ left: 1 });
    expect((await errorOf(confirmDepositCode({ userId: user.id, checkId, code: wrong }))).userMessage).toBe("identity.errors.codeAttemptsExceeded");
    expect((await errorOf(confirmDepositCode({ userId: user.id, checkId, code }))).code).toBe("conflict");
    expect(await getIdentityCheck({ userId: user.id, checkId })).toMatchObject({ status: "FAILED", failReason: "code_attempts_exceeded", attemptsLeft: 0 });
  });

  it("stores the deposit code and the face token only as hashes", async () => {
    const { order, user } = await createTestOrder();
    const identity = SANDBOX_IDENTITIES.find((i) => i.method === "PERSONAL_DEPOSIT" && i.expect === "PASSED")!;
    const { checkId } = await startIdentityCheck({ userId: user.id, orderId: order.id, method: "PERSONAL_DEPOSIT", role: "APPLICANT", subject: identity.subject });
    const row = await db.identityCheck.findUniqueOrThrow({ where: { id: checkId }, omit: { secretHash: false } });
    expect(row.secretHash).toBeTruthy();
    expect(row.secretHash).not.toContain(await depositCode(user.phone));
    const face = await startIdentityCheck({ userId: user.id, orderId: order.id, method: "FACE", role: "LEGAL_REP", subject: { name: "张三", idNumber: "11010519491231002X" } });
    const faceRow = await db.identityCheck.findUniqueOrThrow({ where: { id: face.checkId }, omit: { secretHash: false } });
    expect(faceRow.secretHash).not.toContain(faceToken(face.checkId));
  });

  it("texts the face link through the job queue and hides the check from other applicants", async () => {
    const { order, user } = await createTestOrder();
    const { checkId, next } = await startIdentityCheck({ userId: user.id, orderId: order.id, method: "FACE", role: "LEGAL_REP", subject: { name: "张三", idNumber: "11010519491231002X" } });
    const phone = uniquePhone();
    await sendFaceLink({ userId: user.id, checkId, phone });
    await runDueJobs();
    const sms = await db.outboxMessage.findFirstOrThrow({ where: { to: phone } });
    expect(sms.body).toContain(next?.kind === "face" ? next.faceUrl : "?");
    expect((await errorOf(sendFaceLink({ userId: user.id, checkId, phone }))).code).toBe("rate_limited");

    const stranger = await createUser();
    expect((await errorOf(getIdentityCheck({ userId: stranger.id, checkId }))).code).toBe("not_found");
    expect((await errorOf(sendFaceLink({ userId: stranger.id, checkId, phone }))).code).toBe("not_found");
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const seen = await getIdentityCheck({ userId: reviewer.id, checkId });
    expect(seen.status).toBe("PENDING");
    expect(seen.next).toBeUndefined();
  });

  it("refuses checks on someone else's order or on a submitted order", async () => {
    const { order } = await createTestOrder();
    const other = await createUser();
    const subject = { name: "张三", idNumber: "11010519491231002X", phone: "13800138000" };
    expect((await errorOf(startIdentityCheck({ userId: other.id, orderId: order.id, method: "PHONE3", role: "HANDLER", subject }))).code).toBe("not_found");
    const submitted = await createTestOrder({ status: "IN_REVIEW" });
    expect((await errorOf(startIdentityCheck({ userId: submitted.user.id, orderId: submitted.order.id, method: "PHONE3", role: "HANDLER", subject }))).code).toBe("conflict");
  });
});
