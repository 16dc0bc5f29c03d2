import { db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { lookupIpWindows, lookupSubjectWindows } from "./lookup-policy";

/**
 * One lookup attempt, per subject and per client address, both in one transaction (a refusal by
 * either takes neither), before the work and whether or not the subject exists.
 */
export async function takeLookupHit({ subjectKey, ip, now = new Date() }: { subjectKey: string; ip: string; now?: Date }) {
  await db.$transaction(async (tx) => {
    await consumeRateLimit(tx, `lookup:subject:${subjectKey}`, lookupSubjectWindows(), now);
    await consumeRateLimit(tx, `lookup:ip:${ip}`, lookupIpWindows(), now);
  });
}
