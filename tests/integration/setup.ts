import { appendFileSync } from "node:fs";
import { afterAll, afterEach, expect, inject } from "vitest";

const url = inject("databaseUrl");
process.env.SMS_IP_HOURLY_CAP ??= "100000";
process.env.SMS_IP_DAILY_CAP ??= "100000";
if (url) {
  process.env.DATABASE_URL = url;
} else {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = "memory://";
}

const { dbAdapter, closeDb } = await import("@/lib/db/client");
// After the environment above: the document reads it.
const { contractSeen, lateViolations } = await import("../support/openapi-contract");
if (!url) {
  const { applyMigrations } = await import("@/lib/db/apply-migrations");
  await applyMigrations({ adapterFactory: dbAdapter().factory });
}

// An event stream's events are checked as they arrive, after its handler returned (openapi-contract.ts).
afterEach(() => {
  const found = lateViolations.splice(0);
  expect(found, "API contract: event stream answers the document does not describe").toEqual([]);
});

afterAll(async () => {
  if (process.env.CONTRACT_COVERAGE_FILE && contractSeen.size) appendFileSync(process.env.CONTRACT_COVERAGE_FILE, `${[...contractSeen].join("\n")}\n`);
  await closeDb();
});
