import { describe, expect, it } from "vitest";
import { db, dbAdapter } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { readMigrationsList } from "@/lib/db/migrations-list";

describe("migrations", () => {
  it("are all applied and recorded like `prisma migrate deploy` does", async () => {
    const names = readMigrationsList().migrationDirectories.map((d) => d.path);
    const rows = await db.$queryRaw<Array<{ migration_name: string; finished_at: Date | null }>>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it("applying them again changes nothing", async () => {
    expect(await applyMigrations({ adapterFactory: dbAdapter().factory })).toEqual([]);
  });

  it("created the tables with real foreign keys", async () => {
    const fks = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY'`;
    expect(Number(fks[0]!.n)).toBeGreaterThan(10);
  });
});
