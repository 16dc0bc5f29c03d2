import { db } from "@/lib/db/client";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";

/** Runs queued jobs (as the worker would) and returns the newest 6-digit code texted to `phone`. */
export async function latestSmsCode(phone: string): Promise<string> {
  await runDueJobs();
  const msg = await db.outboxMessage.findFirst({ where: { to: phone, channel: "SMS" }, orderBy: { createdAt: "desc" } });
  const code = msg?.body.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no SMS code in the outbox for ${phone}`);
  return code;
}
