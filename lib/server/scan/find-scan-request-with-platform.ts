import { db } from "@/lib/db/client";
import { Prisma, type ScanRequest } from "@/lib/generated/prisma/client";

/** What the phone's steps need of a request's platform. */
export type ScanPlatformFacts = { name: string; nameEn: string | null; isDesk: boolean; webhookUrl: string | null };

// Every column of the model, named: the same list the generated client knows (no r.*, whose result
// shape a later migration would change under a prepared statement).
const COLUMNS = Prisma.raw(Object.values(Prisma.ScanRequestScalarFieldEnum).map((c) => `r."${c}"`).join(", "));

type Joined = ScanRequest & { __platformName: string; __platformNameEn: string | null; __platformIsDesk: boolean; __platformWebhookUrl: string | null };

/**
 * A scan request and the facts of its platform in ONE statement (Prisma's include reads the
 * platform in a second one), by its QR token's hash or by id and holder. Every column of the
 * request comes back (enum columns as their text, which is what Prisma gives too).
 */
export async function findScanRequestWithPlatform(where: { tokenHash: string } | { id: string; userId: string }): Promise<{ row: ScanRequest; platform: ScanPlatformFacts } | null> {
  const rows =
    "tokenHash" in where
      ? await db.$queryRaw<Joined[]>`
          SELECT ${COLUMNS}, p."name" AS "__platformName", p."nameEn" AS "__platformNameEn", p."isDesk" AS "__platformIsDesk", p."webhookUrl" AS "__platformWebhookUrl"
          FROM "ScanRequest" r JOIN "TradingPlatform" p ON p.id = r."platformId" WHERE r."tokenHash" = ${where.tokenHash}`
      : await db.$queryRaw<Joined[]>`
          SELECT ${COLUMNS}, p."name" AS "__platformName", p."nameEn" AS "__platformNameEn", p."isDesk" AS "__platformIsDesk", p."webhookUrl" AS "__platformWebhookUrl"
          FROM "ScanRequest" r JOIN "TradingPlatform" p ON p.id = r."platformId" WHERE r."id" = ${where.id} AND r."userId" = ${where.userId}`;
  const found = rows[0];
  if (!found) return null;
  const { __platformName: name, __platformNameEn: nameEn, __platformIsDesk: isDesk, __platformWebhookUrl: webhookUrl, ...row } = found;
  return { row, platform: { name, nameEn, isDesk, webhookUrl } };
}
