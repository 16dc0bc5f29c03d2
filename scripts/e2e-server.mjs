// Starts the built desk for end-to-end tests: a fresh database (a scratch PostgreSQL database when
// TEST_PG_URL is set, else a fresh embedded folder), migrations, demo seed, then `next start`.
import { spawn, execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3200";
const env = {
  ...process.env,
  NODE_ENV: "production",
  APP_URL: `http://127.0.0.1:${port}`,
  PORT: port,
  SMS_IP_HOURLY_CAP: "100000",
  SMS_IP_DAILY_CAP: "100000",
  CERTDESK_E2E_FIXTURES: "1",
  // The suite logs in with codes read from the outbox: a demo desk (the production check refuses the outbox otherwise).
  CERTDESK_DEMO: "1",
  // One data folder per port: two e2e servers (another developer, another build folder) may run at once.
  DATA_DIR: path.join(root, port === "3200" ? ".data-e2e" : `.data-e2e-${port}`),
};
rmSync(env.DATA_DIR, { recursive: true, force: true });

if (process.env.TEST_PG_URL) {
  const admin = new URL(process.env.TEST_PG_URL);
  if (!["localhost", "127.0.0.1", "::1"].includes(admin.hostname)) throw new Error("refusing a non-local test database");
  const name = `certdesk_e2e_${Date.now().toString(36)}`;
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  admin.pathname = `/${name}`;
  env.DATABASE_URL = admin.toString();
} else {
  delete env.DATABASE_URL;
}

const tsx = path.join(root, "node_modules", ".bin", "tsx");
execFileSync(tsx, ["scripts/db-migrate.ts"], { cwd: root, env, stdio: "inherit" });
execFileSync(tsx, ["prisma/seed.ts"], { cwd: root, env, stdio: "inherit" });
const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  env,
  stdio: "inherit",
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
