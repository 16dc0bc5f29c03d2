// The org_roles migration rebuilds OrgRole in place: memberships written before it survive (the former
// HANDLER value becomes MEMBER, the others keep theirs), every existing membership is ACTIVE, and the
// hand-written partial unique index allows one ACTIVE administrator per organization. Runs on a database
// of its own (in-memory PGlite, or a scratch database next to TEST_PG_URL's) migrated up to the one before.
import { beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseBeforeMigration } from "../support/database-before-migration";

const MIGRATION = "20261201223707_org_roles";

let client: PrismaClient;

beforeAll(async () => {
  const db = await databaseBeforeMigration(MIGRATION, "certdesk_orgroles");
  client = db.client;
  const sql = [
    `INSERT INTO "User" (id, phone, "updatedAt") VALUES ('u1', '13800000001', now()), ('u2', '13800000002', now()), ('u3', '13800000003', now()), ('u4', '13800000004', now())`,
    `INSERT INTO "Organization" (id, name, uscc, "legalRepName", "legalRepIdType", "legalRepIdNumber", "updatedAt") VALUES ('o1', 'Org', '91110000000000000X', 'Rep', 'RESIDENT_ID', 'X', now())`,
    `INSERT INTO "Membership" (id, "orgId", "userId", role) VALUES ('m1', 'o1', 'u1', 'ADMIN'), ('m2', 'o1', 'u2', 'HANDLER'), ('m3', 'o1', 'u3', 'LEGAL_REP'), ('m4', 'o1', 'u4', 'MEMBER')`,
  ];
  for (const statement of sql) await client.$executeRawUnsafe(statement);
  expect((await db.applyRest())[0]).toBe(MIGRATION);
});

describe("org_roles migration", () => {
  it("keeps every membership: HANDLER becomes MEMBER, the rest unchanged, all ACTIVE", async () => {
    const rows = await client.membership.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, status: true, removedAt: true } });
    expect(rows).toEqual([
      { id: "m1", role: "ADMIN", status: "ACTIVE", removedAt: null },
      { id: "m2", role: "MEMBER", status: "ACTIVE", removedAt: null },
      { id: "m3", role: "LEGAL_REP", status: "ACTIVE", removedAt: null },
      { id: "m4", role: "MEMBER", status: "ACTIVE", removedAt: null },
    ]);
  });

  it("one ACTIVE administrator per organization in the database; a removed one frees the place", async () => {
    await expect(client.membership.update({ where: { id: "m4" }, data: { role: "ADMIN" } })).rejects.toThrow();
    await client.membership.update({ where: { id: "m1" }, data: { status: "REMOVED", removedAt: new Date() } });
    await client.membership.update({ where: { id: "m4" }, data: { role: "ADMIN" } });
    expect(await client.membership.count({ where: { orgId: "o1", role: "ADMIN" } })).toBe(2);
    expect(await client.membership.count({ where: { orgId: "o1", role: "ADMIN", status: "ACTIVE" } })).toBe(1);
    await expect(client.membership.update({ where: { id: "m1" }, data: { status: "ACTIVE", removedAt: null } })).rejects.toThrow();
  });

  it("refuses the old value", async () => {
    await expect(client.$executeRawUnsafe(`UPDATE "Membership" SET role = 'HANDLER' WHERE id = 'm2'`)).rejects.toThrow();
  });
});
