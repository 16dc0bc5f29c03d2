import { db } from "@/lib/db/client";
import { PLAINTEXT_KEEP_MS } from "./scan-plaintext";

/** Maintenance: decrypt results older than a day lose their (sealed) plaintext. Returns how many. */
export async function wipeScanPlaintexts({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const before = new Date(now.getTime() - PLAINTEXT_KEEP_MS);
  return db.$executeRaw`
    UPDATE "ScanRequest"
    SET "result" = ("result" - 'plaintextSealed') || '{"plaintextWiped": true}'::jsonb
    WHERE "type" = 'DECRYPT' AND "status" = 'COMPLETED' AND "completedAt" < ${before} AND "result" ? 'plaintextSealed'`;
}
