// For test files that need the CA tables to themselves (a hierarchy made by the offline ceremony
// cannot share a database with files that let the desk create one). PGlite: every file has its own
// in-memory database already. PostgreSQL (TEST_PG_URL): a scratch database for this file, migrated
// here, chosen before anything opens the client. Call at the top level, before any db use.
import { afterAll } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createScratchDatabase } from "../support/test-database";

export async function useOwnDatabase(prefix: string): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return;
  const scratch = await createScratchDatabase(adminUrl, prefix);
  const adapter = openAdapter({ kind: "postgres", url: scratch.url });
  await applyMigrations({ adapterFactory: adapter.factory });
  process.env.DATABASE_URL = scratch.url;
  resetEnvCache();
  afterAll(async () => {
    if (process.env.KEEP_TEST_DB !== "1") await scratch.drop();
  });
}
