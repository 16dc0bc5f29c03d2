import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { appendAuditRow as writeAudit } from "@/lib/server/audit/append-audit-row";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";

// Files share one database in CI, so the chain is checked as a whole and tampering is undone.
describe("audit log hash chain", () => {
  it("links rows written concurrently into one unbroken chain", async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.$transaction((tx) => writeAudit(tx, { action: "test.concurrent", targetType: "test", targetId: String(i), data: { i } })),
      ),
    );
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("detects an edited row and a deleted row", async () => {
    const row = await db.$transaction((tx) => writeAudit(tx, { action: "test.tamper", targetType: "test", targetId: "t", data: { amount: 1 } }));
    await db.$transaction((tx) => writeAudit(tx, { action: "test.after", targetType: "test", targetId: "t" }));

    await db.auditLog.update({ where: { id: row.id }, data: { data: { amount: 1000 } } });
    const edited = await verifyAuditChain();
    await db.auditLog.update({ where: { id: row.id }, data: { data: { amount: 1 } } });
    expect(edited).toMatchObject({ ok: false, brokenAtId: row.id.toString(), reason: "content" });

    const copy = await db.auditLog.findUniqueOrThrow({ where: { id: row.id } });
    await db.auditLog.delete({ where: { id: row.id } });
    const deleted = await verifyAuditChain();
    await db.auditLog.create({ data: { ...copy, data: copy.data as object } });
    expect(deleted.ok).toBe(false);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
