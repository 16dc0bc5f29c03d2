// The migration that splits the audit log into chains keeps the log written before it: those rows
// become chain 0 (its head their last hash) and verify, and new rows on chain 0 link after them.
// Runs on a database of its own (in-memory PGlite, or a scratch database next to TEST_PG_URL's),
// migrated only up to the migration before.
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db/client";
import { AUDIT_CHAINS, appendAuditRowNow } from "@/lib/server/audit/append-audit-row";
import { auditHash, chainGenesis, GENESIS_HASH } from "@/lib/server/audit/audit-hash";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { databaseBeforeMigration } from "../support/database-before-migration";

const MIGRATION = "20261202154726_audit_chains";
let client: PrismaClient;
const hashes: string[] = [];

beforeAll(async () => {
  const db = await databaseBeforeMigration(MIGRATION, "certdesk_auditchains");
  client = db.client;
  // Three rows as the one-chain code wrote them: each linked to the one before, from GENESIS_HASH.
  let prev = GENESIS_HASH;
  for (let i = 0; i < 3; i++) {
    const fields = { at: new Date(Date.UTC(2026, 10, 1, 8, 0, i)), actorId: null, action: "test.before", targetType: "test", targetId: String(i), data: { i }, ip: null };
    const hash = auditHash(prev, fields);
    await client.$executeRaw`INSERT INTO "AuditLog" ("at", "action", "targetType", "targetId", "data", "prevHash", "hash") VALUES (${fields.at.toISOString()}::timestamp(3), ${fields.action}, ${fields.targetType}, ${fields.targetId}, ${JSON.stringify(fields.data)}::jsonb, ${prev}, ${hash})`;
    hashes.push(hash);
    prev = hash;
  }
  expect((await db.applyRest())[0]).toBe(MIGRATION);
});

describe("audit log split into chains", () => {
  it("keeps the old rows as chain 0, seeds every head, and new rows on chain 0 and others link and verify", async () => {
    const heads = await client.auditChainHead.findMany({ orderBy: { chain: "asc" } });
    expect(heads).toHaveLength(AUDIT_CHAINS);
    expect(heads[0]!.hash).toBe(hashes[2]);
    for (const h of heads.slice(1)) expect(h.hash).toBe(chainGenesis(h.chain));
    expect(await client.auditLog.count({ where: { chain: 0 } })).toBe(3);
    expect(await verifyAuditChain({ client: client as unknown as Db })).toEqual({ ok: true, rows: 3, chains: AUDIT_CHAINS });

    for (const chain of [0, 5, 5, AUDIT_CHAINS - 1]) {
      await client.$transaction((tx) => appendAuditRowNow(tx as unknown as Tx, { action: "test.after", targetType: "test", targetId: String(chain) }, chain));
    }
    const next = await client.auditLog.findFirstOrThrow({ where: { chain: 0, action: "test.after" } });
    expect(next.prevHash).toBe(hashes[2]);
    expect(await verifyAuditChain({ client: client as unknown as Db })).toEqual({ ok: true, rows: 7, chains: AUDIT_CHAINS });
  });
});
