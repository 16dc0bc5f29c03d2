import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { approveOrder } from "@/lib/server/reviews/approve-order";
import { runAuditVerify } from "@/lib/server/audit/run-audit-verify";
import { verifyAuditLog } from "@/lib/server/audit/verify-audit-log";
import { createPlatform } from "@/lib/server/platforms/create-platform";
import { rotatePlatformSecret } from "@/lib/server/platforms/rotate-platform-secret";
import { changeUserRole } from "@/lib/server/auth/change-user-role";
import { updateChannel } from "@/lib/server/channels/update-channel";
import { listAuditLog } from "@/lib/server/audit/list-audit-log";
import { keyedHash } from "@/lib/db/keyed-hash";
import { openSecret } from "@/lib/db/seal";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { createChannel, createSubmittedOrder } from "../support/review-fixtures";

describe("CA admin", () => {
  it("audit:verify passes on an intact chain and fails (exit 1) on a tampered row", async () => {
    const [applicant, r1] = await Promise.all([createUser(), createUser({ role: "CA_REVIEWER" })]);
    const order = await createSubmittedOrder({ userId: applicant.id });
    await approveOrder({ user: r1, input: { orderId: order.id } });
    const intact = await runAuditVerify();
    expect(intact.exitCode).toBe(0);
    expect((await verifyAuditLog({ user: r1 })).ok).toBe(true);

    const row = await db.auditLog.findFirstOrThrow({ where: { action: "review.approve", targetId: order.id } });
    // Rewrite history as an insider with database access would, then put it back.
    await db.$executeRaw`UPDATE "AuditLog" SET data = ${JSON.stringify({ round: 0, approvals: 2, needed: 1 })}::jsonb WHERE id = ${row.id}`;
    try {
      const broken = await runAuditVerify();
      expect(broken.exitCode).toBe(1);
      expect(broken.message).toContain(`row ${row.id}`);
      const fromPage = await verifyAuditLog({ user: r1 });
      expect(fromPage).toMatchObject({ ok: false, brokenAtId: row.id.toString(), reason: "content" });
    } finally {
      await db.$executeRaw`UPDATE "AuditLog" SET data = ${JSON.stringify(row.data)}::jsonb WHERE id = ${row.id}`;
    }
    expect((await runAuditVerify()).exitCode).toBe(0);
    const page = await listAuditLog({ user: r1, filter: { targetType: "Order", targetId: order.id } });
    expect(page.rows.map((r) => r.action)).toContain("review.approve");
    const byActor = await listAuditLog({ user: r1, filter: { actor: r1.phone } });
    expect(byActor.rows.every((r) => r.actorId === r1.id)).toBe(true);
    // A ?before= beyond int8 (or negative, or not a number) is ignored, not sent to PostgreSQL.
    for (const before of ["99999999999999999999", "-5", "abc", "1e400"]) {
      const all = await listAuditLog({ user: r1, filter: { targetType: "Order", targetId: order.id, before } });
      expect(all.rows.map((r) => r.action)).toContain("review.approve");
    }
  });

  it("creates a platform with a secret shown once, stored hashed and sealed; rotating replaces it", async () => {
    const admin = await createUser({ role: "CA_ADMIN" });
    const code = `p-${Date.now().toString(36)}`;
    const created = await createPlatform({ user: admin, input: { code, name: "测试交易平台", callbackUrls: "https://a.example/cb\nhttps://b.example/cb" } });
    const stored = await db.tradingPlatform.findUniqueOrThrow({ where: { id: created.platformId }, select: { clientSecretHash: true, clientSecretEnc: true, callbackUrls: true } });
    expect(stored.callbackUrls).toEqual(["https://a.example/cb", "https://b.example/cb"]);
    expect(stored.clientSecretHash).toBe(keyedHash("platform-secret", created.clientSecret));
    expect(new TextDecoder().decode(openSecret(stored.clientSecretEnc, `platform-secret:${code}`))).toBe(created.clientSecret);
    expect(JSON.stringify(stored)).not.toContain(created.clientSecret);

    const rotated = await rotatePlatformSecret({ user: admin, input: { platformId: created.platformId } });
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    const after = await db.tradingPlatform.findUniqueOrThrow({ where: { id: created.platformId }, select: { clientSecretHash: true } });
    expect(after.clientSecretHash).toBe(keyedHash("platform-secret", rotated.clientSecret));
  });

  it("only admins manage people, and nobody changes their own role", async () => {
    const [admin, reviewer, someone] = await Promise.all([createUser({ role: "CA_ADMIN" }), createUser({ role: "CA_REVIEWER" }), createUser()]);
    await expectAppError(changeUserRole({ user: reviewer, input: { userId: someone.id, role: "CA_ADMIN" } }), "forbidden");
    await expectAppError(changeUserRole({ user: admin, input: { userId: admin.id, role: "APPLICANT" } }), "conflict");
    await changeUserRole({ user: admin, input: { userId: someone.id, role: "CA_REVIEWER" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: someone.id } })).role).toBe("CA_REVIEWER");
  });

  it("edits a channel's rules and prices (yuan in, fen stored)", async () => {
    const admin = await createUser({ role: "CA_ADMIN" });
    const channel = await createChannel();
    await updateChannel({
      user: admin,
      input: {
        channelId: channel.id,
        name: "改名渠道",
        allowedMethods: ["PHONE3"],
        autoApproveIndividual: false,
        allowNoInvoice: true,
        requireTwoReviewers: true,
        mailingAddress: "新地址",
        active: true,
        prices: [{ product: "UNIT_CERT", years: 1, price: "380.5" }],
      },
    });
    const after = await db.channel.findUniqueOrThrow({ where: { id: channel.id }, include: { prices: true } });
    expect(after.requireTwoReviewers).toBe(true);
    expect(after.prices.map((p) => p.priceFen)).toEqual([38050]);
  });
});
