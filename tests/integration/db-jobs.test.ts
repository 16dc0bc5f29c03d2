import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { runDueJobs, backoffSeconds } from "@/lib/server/jobs/run-jobs";
import { queueSms } from "@/lib/server/notify/queue-sms";
import { uniquePhone } from "../support/factories";

describe("job queue", () => {
  it("delivers a queued SMS to the outbox only after the transaction commits", async () => {
    const to = uniquePhone();
    await db.$transaction(async (tx) => {
      await queueSms(tx, { to, template: "face_link", params: { url: "https://desk.example/m/face/t", minutes: "30" }, locale: "zh-CN" });
      throw new Error("rolled back");
    }).catch(() => {});
    await runDueJobs();
    expect(await db.outboxMessage.count({ where: { to } })).toBe(0);

    await db.$transaction((tx) => queueSms(tx, { to, template: "face_link", params: { url: "https://desk.example/m/face/t", minutes: "30" }, locale: "zh-CN" }));
    await runDueJobs();
    const msg = await db.outboxMessage.findFirstOrThrow({ where: { to } });
    expect(msg.body).toBe("【云证书服务台】请点击链接完成数字证书申请的人脸识别（30分钟内有效）：https://desk.example/m/face/t");
  });

  it("retries a failing job with backoff and gives up after maxAttempts", async () => {
    // An email job whose attachment does not exist fails in its handler.
    const job = await enqueueJob(db, {
      type: "notify.email",
      payload: { to: "x@example.com", subject: "s", text: "t", template: "test", attachments: [{ filename: "a.pdf", storageKey: `missing/${Date.now()}.pdf`, contentType: "application/pdf" }] },
      maxAttempts: 2,
    });
    await runDueJobs();
    let row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.runAt.getTime()).toBeGreaterThan(Date.now() + (backoffSeconds(1) - 1) * 1000);
    expect(row.lastError).toMatch(/no stored file under missing\//);

    await db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    await runDueJobs();
    row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 2 });
  });

  it("takes a RUNNING job again once its lease ran out (its instance died), not before; the dead worker's late finish changes nothing", async () => {
    const to = uniquePhone();
    const sms = { to, template: "pin_reset_notice" as const, params: { at: "2026-12-02 10:00", link: "https://desk.example/x" }, locale: "zh-CN" as const };
    const [fresh, stale] = [await queueSms(db, sms), await queueSms(db, sms)];
    const lease = env().JOB_LEASE_SECONDS;
    // Both claimed by an instance that was then killed: one just now, one longer ago than the lease.
    await db.job.update({ where: { id: fresh.id }, data: { status: "RUNNING", lockedBy: "dead-instance", lockedAt: new Date(Date.now() - (lease - 30) * 1000), attempts: 1 } });
    await db.job.update({ where: { id: stale.id }, data: { status: "RUNNING", lockedBy: "dead-instance", lockedAt: new Date(Date.now() - (lease + 1) * 1000), attempts: 1 } });
    await runDueJobs();
    expect(await db.job.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "DONE", attempts: 2 });
    expect(await db.job.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: "RUNNING", lockedBy: "dead-instance" });
    expect(await db.outboxMessage.count({ where: { to } })).toBe(1);
  });

  it("never hands one job to two workers", async () => {
    const to = uniquePhone();
    await Promise.all(Array.from({ length: 6 }, () => queueSms(db, { to, template: "pin_reset_notice", params: { at: "2026-12-02 10:00", link: "https://desk.example/x" }, locale: "zh-CN" })));
    await Promise.all([runDueJobs(), runDueJobs(), runDueJobs()]);
    expect(await db.outboxMessage.count({ where: { to } })).toBe(6);
  });
});
