import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "certdesk-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kekIdOf(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(import.meta.dirname, "print-kek-id.ts")], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", ...env },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(err))));
  });
}

describe("generated secrets in DATA_DIR/secrets.json (demo desks, tests)", () => {
  it("processes starting together on an empty folder agree on one generated KEK", { timeout: 120_000 }, async () => {
    const dataDir = path.join(dir, "race");
    const ids = await Promise.all(Array.from({ length: 6 }, () => kekIdOf({ DATA_DIR: dataDir })));
    expect(new Set(ids).size).toBe(1);
    expect(await kekIdOf({ DATA_DIR: dataDir })).toBe(ids[0]);
  });

  it("a KEK from the environment is used but never written to the file, so other processes keep the generated one", { timeout: 120_000 }, async () => {
    const dataDir = path.join(dir, "env");
    const generated = await kekIdOf({ DATA_DIR: dataDir });
    const file = path.join(dataDir, "secrets.json");
    const before = readFileSync(file, "utf8");
    const fromEnv = await kekIdOf({ DATA_DIR: dataDir, CERTDESK_KEK: "ab".repeat(32) });
    expect(fromEnv).not.toBe(generated);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(await kekIdOf({ DATA_DIR: dataDir })).toBe(generated);
    // With both secrets in the environment nothing is written at all.
    const untouched = path.join(dir, "none");
    await kekIdOf({ DATA_DIR: untouched, CERTDESK_KEK: "cd".repeat(32), AUTH_SECRET: "s".repeat(40) });
    expect(existsSync(path.join(untouched, "secrets.json"))).toBe(false);
  });
});
