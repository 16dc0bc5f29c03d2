import { afterAll, inject } from "vitest";

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
if (!url) {
  const { applyMigrations } = await import("@/lib/db/apply-migrations");
  await applyMigrations({ adapterFactory: dbAdapter().factory });
}

afterAll(async () => {
  await closeDb();
});
