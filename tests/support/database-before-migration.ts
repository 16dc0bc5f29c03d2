// For migration tests: a database of its own (in-memory PGlite, or a scratch database next to
// TEST_PG_URL's) migrated only up to the migration under test, so rows can be written in the shape
// the code had before it; `applyRest` then runs the rest as `npm run db:migrate` would.
import { afterAll } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { readMigrationsList, readSchema } from "@/lib/db/migrations-list";
import { openSchemaEngine } from "@/lib/db/schema-engine";
import { createScratchDatabase } from "./test-database";

export async function databaseBeforeMigration(migration: string, prefix: string) {
  const url = process.env.DATABASE_URL;
  let drop = async () => {};
  let adapter;
  if (url) {
    const scratch = await createScratchDatabase(url, prefix);
    drop = scratch.drop;
    adapter = openAdapter({ kind: "postgres", url: scratch.url });
  } else {
    adapter = openAdapter({ kind: "pglite", dir: "memory://" });
  }
  const client = new PrismaClient({ adapter: adapter.factory });
  const engine = await openSchemaEngine({ adapterFactory: adapter.factory, schema: readSchema() });
  try {
    const list = readMigrationsList();
    await engine.applyMigrations({
      migrationsList: { ...list, migrationDirectories: list.migrationDirectories.filter((d) => d.path < migration) },
      filters: { externalTables: [], externalEnums: [] },
    });
  } finally {
    engine.free();
  }
  afterAll(async () => {
    await client.$disconnect();
    await adapter.close();
    await drop();
  });
  return { adapter, client, applyRest: () => applyMigrations({ adapterFactory: adapter.factory }) };
}
