// The migration that turns closed-set text columns into enums converts them in place: rows written
// before it (with the old strings) keep their values. Runs on a database of its own (in-memory
// PGlite, or a scratch database next to TEST_PG_URL's), migrated only up to the migration before.
import { beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ChannelProduct } from "@/lib/generated/prisma/enums";
import { openAdapter } from "@/lib/db/adapter";
import { readMigrationsList, readSchema } from "@/lib/db/migrations-list";
import { openSchemaEngine } from "@/lib/db/schema-engine";
import { databaseBeforeMigration } from "../support/database-before-migration";

const MIGRATION = "20261201214946_string_columns_to_enums";

// column → enum it becomes, and a value each row had as text
const CONVERTED = [
  { table: "Session", column: "method", type: "LoginMethod", value: "passkey" },
  { table: "Session", column: "secondFactorMethod", type: "SecondFactorMethod", value: "totp" },
  { table: "Passkey", column: "deviceType", type: "PasskeyDeviceType", value: "multiDevice" },
  { table: "ChannelPrice", column: "product", type: "ChannelProduct", value: "USB_KEY" },
  { table: "Organization", column: "legalRepIdType", type: "IdType", value: "HK_MO_RESIDENCE" },
  { table: "Seal", column: "kind", type: "SealKind", value: "LEGAL_REP" },
  { table: "Order", column: "medium", type: "CertMedium", value: "USB_KEY" },
  { table: "Payment", column: "provider", type: "PaymentProvider", value: "stripe" },
  { table: "Payment", column: "method", type: "PaymentMethod", value: "wechat_pay" },
  { table: "Review", column: "decision", type: "ReviewDecision", value: "REJECT" },
] as const;

let client: PrismaClient;

beforeAll(async () => {
  const db = await databaseBeforeMigration(MIGRATION, "certdesk_enums");
  client = db.client;
  // Rows as the code wrote them while the columns were text.
  const sql = [
    `INSERT INTO "User" (id, phone, "updatedAt") VALUES ('u1', '13800000001', now())`,
    `INSERT INTO "Session" (id, "userId", "expiresAt", method, "secondFactorMethod") VALUES ('s1', 'u1', now(), 'passkey', 'totp'), ('s2', 'u1', now(), 'sms', NULL), ('s3', 'u1', now(), 'password', 'passkey')`,
    `INSERT INTO "Passkey" (id, "userId", "credentialId", "publicKey", "deviceType", name) VALUES ('p1', 'u1', 'cred-1', '\\x01', 'multiDevice', 'k'), ('p2', 'u1', 'cred-2', '\\x02', 'singleDevice', 'k')`,
    `INSERT INTO "Channel" (id, code, name, "updatedAt") VALUES ('c1', 'enum-test', 'Channel', now())`,
    `INSERT INTO "ChannelPrice" (id, "channelId", product, years, "priceFen") VALUES ('cp1', 'c1', 'USB_KEY', 1, 100), ('cp2', 'c1', 'UNIT_CERT', 1, 200), ('cp3', 'c1', 'SEAL', 1, 300), ('cp4', 'c1', 'INDIVIDUAL_CERT', 1, 400)`,
    `INSERT INTO "Organization" (id, name, uscc, "legalRepName", "legalRepIdType", "legalRepIdNumber", "updatedAt") VALUES ('o1', 'Org', '91110000000000000X', 'Rep', 'HK_MO_RESIDENCE', 'H123', now())`,
    `INSERT INTO "Seal" (id, "orgId", name, kind, "imageKey") VALUES ('seal1', 'o1', 'Seal', 'LEGAL_REP', 'img')`,
    `INSERT INTO "Order" (id, no, "userId", "channelId", "subjectType", medium, "updatedAt") VALUES ('ord1', 'N1', 'u1', 'c1', 'UNIT', 'USB_KEY', now())`,
    `INSERT INTO "Order" (id, no, "userId", "channelId", "subjectType", "updatedAt") VALUES ('ord2', 'N2', 'u1', 'c1', 'INDIVIDUAL', now())`,
    `INSERT INTO "Payment" (id, "orderId", provider, method, "amountFen") VALUES ('pay1', 'ord1', 'stripe', 'wechat_pay', 1), ('pay2', 'ord1', 'sandbox', 'alipay', 1), ('pay3', 'ord1', 'sandbox', NULL, 1)`,
    `INSERT INTO "Review" (id, "orderId", "reviewerId", round, decision) VALUES ('r1', 'ord1', 'u1', 0, 'REJECT'), ('r2', 'ord1', 'u1', 1, 'APPROVE')`,
  ];
  for (const statement of sql) await client.$executeRawUnsafe(statement);
  // This migration first, then any later one.
  expect((await db.applyRest())[0]).toBe(MIGRATION);
});

describe("text columns converted to enums", () => {
  it("have the enum type and kept every row's value", async () => {
    for (const c of CONVERTED) {
      const [col] = await client.$queryRawUnsafe<Array<{ udt_name: string }>>(
        `SELECT udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`,
        c.table,
        c.column,
      );
      expect(col?.udt_name, `${c.table}.${c.column}`).toBe(c.type);
      const rows = await client.$queryRawUnsafe<Array<{ v: string }>>(`SELECT "${c.column}"::text AS v FROM "${c.table}" WHERE "${c.column}" IS NOT NULL`);
      expect(rows.map((r) => r.v), `${c.table}.${c.column}`).toContain(c.value);
    }
  });

  it("read back through the Prisma client as the same strings", async () => {
    const sessions = await client.session.findMany({ orderBy: { id: "asc" }, select: { method: true, secondFactorMethod: true } });
    expect(sessions).toEqual([
      { method: "passkey", secondFactorMethod: "totp" },
      { method: "sms", secondFactorMethod: null },
      { method: "password", secondFactorMethod: "passkey" },
    ]);
    expect((await client.passkey.findMany({ orderBy: { id: "asc" } })).map((p) => p.deviceType)).toEqual(["multiDevice", "singleDevice"]);
    expect((await client.organization.findUniqueOrThrow({ where: { id: "o1" } })).legalRepIdType).toBe("HK_MO_RESIDENCE");
    expect((await client.seal.findUniqueOrThrow({ where: { id: "seal1" } })).kind).toBe("LEGAL_REP");
    expect((await client.order.findMany({ orderBy: { id: "asc" } })).map((o) => o.medium)).toEqual(["USB_KEY", "CLOUD"]);
    expect((await client.payment.findMany({ orderBy: { id: "asc" } })).map((p) => [p.provider, p.method])).toEqual([
      ["stripe", "wechat_pay"],
      ["sandbox", "alipay"],
      ["sandbox", null],
    ]);
    expect((await client.review.findMany({ orderBy: { id: "asc" } })).map((r) => r.decision)).toEqual(["REJECT", "APPROVE"]);
  });

  it("keep the product order the console lists prices in (alphabetical, as the text sorted)", async () => {
    const prices = await client.channelPrice.findMany({ where: { channelId: "c1" }, orderBy: [{ product: "asc" }, { years: "asc" }] });
    expect(prices.map((p) => p.product)).toEqual(["INDIVIDUAL_CERT", "SEAL", "UNIT_CERT", "USB_KEY"]);
    expect(Object.values(ChannelProduct)).toEqual([...Object.values(ChannelProduct)].sort());
  });

  it("keep the medium default and the unique price index", async () => {
    await client.$executeRawUnsafe(`INSERT INTO "Order" (id, no, "userId", "channelId", "subjectType", "updatedAt") VALUES ('ord3', 'N3', 'u1', 'c1', 'UNIT', now())`);
    expect((await client.order.findUniqueOrThrow({ where: { id: "ord3" } })).medium).toBe("CLOUD");
    await expect(client.channelPrice.create({ data: { channelId: "c1", product: "SEAL", years: 1, priceFen: 1 } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuse a value outside the set", async () => {
    await expect(client.$executeRawUnsafe(`UPDATE "Seal" SET kind = 'STAMP' WHERE id = 'seal1'`)).rejects.toThrow();
  });

  // What `npm run db:migration:create` checks: the migrations replayed into a throwaway PGlite (the
  // diff needs a database it may reset) give exactly the schema in prisma/schema/.
  it("leave nothing for the schema diff to create", async () => {
    const shadow = openAdapter({ kind: "pglite", dir: "memory://" });
    const engine = await openSchemaEngine({ adapterFactory: shadow.factory, schema: readSchema() });
    try {
      const schema = readSchema();
      const result = await engine.diff({
        from: { tag: "migrations", ...readMigrationsList() },
        to: { tag: "schemaDatamodel", files: schema },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      });
      expect((result.stdout ?? "").trim()).toMatch(/^(-- This is an empty migration\.?)?$/);
    } finally {
      engine.free();
      await shadow.close();
    }
  });
});
