import type { TestProject } from "vitest/node";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createScratchDatabase } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// With TEST_PG_URL (CI: the local PostgreSQL 15), one fresh database is migrated and shared by all
// files: factories make unique rows, so files run in parallel. Without it (or with
// CERTDESK_TEST_DB=pglite) every file gets its own in-memory PGlite, migrated by setup.ts.
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_PG_URL;
  if (!adminUrl || process.env.CERTDESK_TEST_DB === "pglite") {
    project.provide("databaseUrl", "");
    return;
  }
  const scratch = await createScratchDatabase(adminUrl, "certdesk_it");
  const adapter = openAdapter({ kind: "postgres", url: scratch.url });
  await applyMigrations({ adapterFactory: adapter.factory });
  project.provide("databaseUrl", scratch.url);
  return async () => {
    if (process.env.KEEP_TEST_DB !== "1") await scratch.drop();
  };
}
