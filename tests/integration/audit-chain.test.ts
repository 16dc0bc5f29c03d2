import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db/client";
import { AUDIT_CHAINS, appendAuditRow as writeAudit, appendAuditRowNow, type AuditRowInput } from "@/lib/server/audit/append-audit-row";
import { auditHash, chainGenesis } from "@/lib/server/audit/audit-hash";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { runAuditVerify } from "@/lib/server/audit/run-audit-verify";
import { createUser } from "../support/factories";

const onPostgres = Boolean(process.env.DATABASE_URL);
const sleep = (tx: Tx, ms: number) => tx.$executeRaw`SELECT pg_sleep(${ms / 1000}::float8)`;
const lockUser = (tx: Tx, id: string) => tx.$queryRaw`SELECT id FROM "User" WHERE id = ${id} FOR NO KEY UPDATE`;
const rowsOf = (targetId: string) => db.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } });

// Files share one database in CI, so the chain is checked as a whole and tampering is undone.
describe("audit log hash chains", () => {
  it("links rows written concurrently into unbroken chains, spread over the chains, each row hashed as the verifier hashes it", async () => {
    const tag = randomUUID();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.$transaction((tx) => writeAudit(tx, { action: "test.concurrent", targetType: "test", targetId: tag, data: { i, text: "中文 \u2028 \"quoted\" \\ é", nested: { b: [1, null, true], a: 0.1 } } })),
      ),
    );
    const rows = await rowsOf(tag);
    expect(rows).toHaveLength(40);
    for (const row of rows) expect(row.hash).toBe(auditHash(row.prevHash, row));
    expect(new Set(rows.map((r) => r.chain)).size).toBeGreaterThan(1);
    expect(rows.every((r) => r.chain >= 0 && r.chain < AUDIT_CHAINS)).toBe(true);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, chains: AUDIT_CHAINS });
  });

  it("puts every row of one transaction on one chain, one after the other, written at its commit", async () => {
    const tag = randomUUID();
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await writeAudit(tx, { action: "test.batch", targetType: "test", targetId: tag, data: { i } });
      // Not written yet: the rows are the transaction's last statements.
      expect(await tx.auditLog.count({ where: { targetId: tag } })).toBe(0);
    });
    const rows = await rowsOf(tag);
    expect(rows.map((r) => (r.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(rows.map((r) => r.chain)).size).toBe(1);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    // A transaction that throws writes none of its rows.
    await expect(
      db.$transaction(async (tx) => {
        await writeAudit(tx, { action: "test.rolled_back", targetType: "test", targetId: tag });
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await db.auditLog.count({ where: { targetId: tag, action: "test.rolled_back" } })).toBe(0);
  });

  it("detects an edited row, a deleted row and deleted last rows of a chain", async () => {
    const tag = randomUUID();
    await db.$transaction((tx) => writeAudit(tx, { action: "test.tamper", targetType: "test", targetId: tag, data: { amount: 1 } }));
    await db.$transaction((tx) => writeAudit(tx, { action: "test.after", targetType: "test", targetId: tag }));
    const row = (await rowsOf(tag))[0]!;

    await db.auditLog.update({ where: { id: row.id }, data: { data: { amount: 1000 } } });
    const edited = await verifyAuditChain();
    await db.auditLog.update({ where: { id: row.id }, data: { data: { amount: 1 } } });
    expect(edited).toMatchObject({ ok: false, brokenAtId: row.id.toString(), reason: "content", chain: row.chain });

    // Deleted: the next row of its chain no longer links, or (nothing after it) the head names it.
    const copy = await db.auditLog.findUniqueOrThrow({ where: { id: row.id } });
    await db.auditLog.delete({ where: { id: row.id } });
    const deleted = await verifyAuditChain();
    await db.auditLog.create({ data: { ...copy, data: copy.data as object } });
    expect(deleted).toMatchObject({ ok: false, chain: row.chain });
    expect(["link", "head"]).toContain(deleted.ok ? "" : deleted.reason);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("reports a chain whose head names a row that is gone (its last rows deleted)", async () => {
    // A chain of its own for this check: rows written at once to a chain number other writes do not use.
    const chain = AUDIT_CHAINS + 7;
    await db.auditChainHead.create({ data: { chain, hash: chainGenesis(chain), prevHash: "" } });
    try {
      const tag = randomUUID();
      for (let i = 0; i < 3; i++) await db.$transaction((tx) => appendAuditRowNow(tx, { action: "test.head", targetType: "test", targetId: tag, data: { i } }, chain));
      expect(await verifyAuditChain()).toMatchObject({ ok: true, chains: AUDIT_CHAINS + 1 });
      const rows = await rowsOf(tag);
      await db.auditLog.delete({ where: { id: rows[2]!.id } });
      expect(await verifyAuditChain()).toMatchObject({ ok: false, reason: "head", chain, brokenAtId: rows[1]!.id.toString() });
      expect((await runAuditVerify()).message).toContain(`rows of chain ${chain} after row ${rows[1]!.id} were deleted`);
      // Every row of the chain gone: no row to name, and the other chains' rows still counted.
      await db.auditLog.deleteMany({ where: { targetId: tag } });
      const emptied = await verifyAuditChain();
      expect(emptied).toMatchObject({ ok: false, reason: "head", chain, brokenAtId: null });
      expect(emptied.rows).toBeGreaterThan(0);
      expect((await runAuditVerify()).message).toContain(`every row of chain ${chain} was deleted`);
    } finally {
      await db.auditChainHead.delete({ where: { chain } });
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("mixed audited transactions in parallel do not deadlock: audits before, between and after row locks, users locked in either order, audit rows naming the locked users", async () => {
    const users = await Promise.all(Array.from({ length: 4 }, () => createUser()));
    const tag = randomUUID();
    const audit = (tx: Tx, actorId: string, step: string) => writeAudit(tx, { actorId, action: "test.mixed", targetType: "test", targetId: tag, data: { step } });
    const pause = onPostgres ? 30 : 0;
    // Each shape takes its user locks in one order per transaction (ascending or descending: a
    // real deadlock between two row orders is the caller's to avoid, so pairs are locked sorted).
    const shapes: Array<(tx: Tx, a: string, b: string) => Promise<void>> = [
      async (tx, a, b) => { await audit(tx, a, "first"); if (pause) await sleep(tx, pause); await lockUser(tx, a); await audit(tx, b, "after-lock"); },
      async (tx, a) => { await lockUser(tx, a); if (pause) await sleep(tx, pause); await audit(tx, a, "under-lock"); },
      async (tx, a, b) => { await audit(tx, b, "one"); await lockUser(tx, [a, b].sort()[0]!); await lockUser(tx, [a, b].sort()[1]!); if (pause) await sleep(tx, pause); await audit(tx, a, "two"); await audit(tx, b, "three"); },
      async (tx, a, b) => { await lockUser(tx, b); await audit(tx, a, "names-other-locked-user"); if (pause) await sleep(tx, pause); },
    ];
    const runs = Array.from({ length: 32 }, (_, i) => {
      const a = users[i % 4]!.id;
      const b = users[(i + 1) % 4]!.id;
      return db.$transaction((tx) => shapes[i % shapes.length]!(tx, a, b), { timeout: 30_000, maxWait: 30_000 });
    });
    const results = await Promise.allSettled(runs);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(await db.auditLog.count({ where: { targetId: tag } })).toBe(8 * (2 + 1 + 3 + 1));
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it.skipIf(!onPostgres)("the same schedule deadlocks when the chain's lock is taken mid-transaction (the order the desk avoids), and not through writeAudit", async () => {
    const [u] = await Promise.all([createUser()]);
    const tag = randomUUID();
    const entry: AuditRowInput = { action: "test.order", targetType: "test", targetId: tag };
    const chain = 11;
    // T1 audits, then wants the user's row; T2 holds the user's row, then audits on the same chain.
    const schedule = (appendAudit: (tx: Tx) => Promise<void>) =>
      Promise.allSettled([
        db.$transaction(async (tx) => { await appendAudit(tx); await sleep(tx, 300); await lockUser(tx, u!.id); }, { timeout: 20_000 }),
        db.$transaction(async (tx) => { await sleep(tx, 100); await lockUser(tx, u!.id); await sleep(tx, 400); await appendAudit(tx); }, { timeout: 20_000 }),
      ]);
    const wrong = await schedule((tx) => appendAuditRowNow(tx, entry, chain));
    const failures = wrong.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => String(r.reason));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/deadlock|40P01|P2034/i);

    const right = await schedule((tx) => writeAudit(tx, entry));
    expect(right.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await db.auditLog.count({ where: { targetId: tag } })).toBe(1 + 2);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
