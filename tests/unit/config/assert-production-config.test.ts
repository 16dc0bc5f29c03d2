import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDemoMode, parseEnv, SMS_TEMPLATE_NAMES, smsTemplateVariable } from "@/lib/env";
import { assertProductionConfig } from "@/lib/server/assert-production-config";

const root = path.resolve(import.meta.dirname, "../../..");
const templates = Object.fromEntries(SMS_TEMPLATE_NAMES.map((t) => [smsTemplateVariable(t), "SMS_1"]));
// The key-management key's public key (the generator point stands in: any valid point will do).
const KMK = "0432c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0";
const secrets = { CERTDESK_KEK: "a".repeat(64), AUTH_SECRET: "s".repeat(40), CERTDESK_KMK_PUBLIC_KEY: KMK };
const aliyun = { ...secrets, SMS_PROVIDER: "aliyun", SMS_ALIYUN_ACCESS_KEY_ID: "LTAI5t", SMS_ALIYUN_ACCESS_KEY_SECRET: "secret", SMS_ALIYUN_SIGN_NAME: "云证书服务台", ...templates };

describe("demo mode and the start-up check", () => {
  it("CERTDESK_DEMO decides; unset means demo only outside production (next dev, tests), not for next start", () => {
    expect(isDemoMode(parseEnv({ CERTDESK_DEMO: "1", NODE_ENV: "production" }))).toBe(true);
    expect(isDemoMode(parseEnv({ CERTDESK_DEMO: "0", NODE_ENV: "development" }))).toBe(false);
    expect(isDemoMode(parseEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(isDemoMode(parseEnv({ NODE_ENV: "development" }))).toBe(true);
  });

  it("outside demo mode the outbox SMS provider refuses to start, naming SMS_PROVIDER and CERTDESK_DEMO", () => {
    for (const source of [{ CERTDESK_DEMO: "0" }, { NODE_ENV: "production" }, { CERTDESK_DEMO: "0", SMS_PROVIDER: "outbox" }]) {
      expect(() => assertProductionConfig(parseEnv(source))).toThrow(/refuses to start[\s\S]*SMS_PROVIDER[\s\S]*CERTDESK_DEMO=1/);
    }
  });

  it("outside demo mode the e2e fixture routes refuse to start too", () => {
    expect(() => assertProductionConfig(parseEnv({ ...aliyun, CERTDESK_DEMO: "0", CERTDESK_E2E_FIXTURES: "1" }))).toThrow(/CERTDESK_E2E_FIXTURES/);
  });

  it("outside demo mode a KEK or session secret that would be generated next to the data refuses to start", () => {
    const { CERTDESK_KEK: _k, ...noKek } = aliyun;
    expect(() => assertProductionConfig(parseEnv({ ...noKek, CERTDESK_DEMO: "0" }))).toThrow(/CERTDESK_KEK is unset/);
    const { AUTH_SECRET: _a, ...noAuth } = aliyun;
    expect(() => assertProductionConfig(parseEnv({ ...noAuth, CERTDESK_DEMO: "0" }))).toThrow(/AUTH_SECRET is unset/);
    // A demo desk may generate them (and says so).
    expect(() => assertProductionConfig(parseEnv({ CERTDESK_DEMO: "1" }))).not.toThrow();
  });

  it("outside demo mode a desk without the key-management key's public key refuses to start, naming npm run kmc", () => {
    const { CERTDESK_KMK_PUBLIC_KEY: _m, ...noKmk } = aliyun;
    expect(() => assertProductionConfig(parseEnv({ ...noKmk, CERTDESK_DEMO: "0" }))).toThrow(/CERTDESK_KMK_PUBLIC_KEY is unset[\s\S]*npm run kmc -- init/);
    expect(() => parseEnv({ ...aliyun, CERTDESK_KMK_PUBLIC_KEY: "04abc" })).toThrow(/CERTDESK_KMK_PUBLIC_KEY/);
  });

  it("starts in demo mode with the outbox, and outside it with a real gateway", () => {
    expect(() => assertProductionConfig(parseEnv({ CERTDESK_DEMO: "1", NODE_ENV: "production" }))).not.toThrow();
    expect(() => assertProductionConfig(parseEnv({ ...aliyun, CERTDESK_DEMO: "0", NODE_ENV: "production" }))).not.toThrow();
  });

  it("instrumentation register() (what next start runs first) exits 1 with the message, before touching the database", () => {
    const run = (extra: Record<string, string>) =>
      spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(import.meta.dirname, "run-register.ts")], {
        cwd: root,
        encoding: "utf8",
        timeout: 60_000,
        // A database URL nothing listens on: the check must stop the start before any connection.
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_RUNTIME: "nodejs", NODE_ENV: "production", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", ...extra },
      });
    const refused = run({ CERTDESK_DEMO: "0" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/CertDesk refuses to start outside demo mode/);
    expect(refused.stderr).toMatch(/SMS_PROVIDER/);
    expect(refused.stdout).not.toContain("STARTED");
    const unset = run({});
    expect(unset.status).toBe(1);
    expect(unset.stderr).toMatch(/CERTDESK_DEMO unset, NODE_ENV=production/);
  });
});
