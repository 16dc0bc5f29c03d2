// `npm run kmc`: the key-management centre's ceremony (init: a KMK split M of N into custodians'
// files) and its delivery step, in-process for the outcomes and once as a real process.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hexToBytes } from "@/lib/pki/encoding";
import { kmkIdOf } from "@/lib/pki/escrow";
import { runKmcCommand } from "@/lib/server/escrow/run-kmc-command";
import { openKmk } from "@/lib/server/escrow/open-kmk";
import { scratchDir } from "./certs-support";

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const PASS = { P1: "first custodian's phrase", P2: "second custodian's phrase", P3: "third custodian's phrase" };

/** A passphrase environment for one command (the variables are taken out of it once read). */
const penv = (vars: Record<string, string>) => ({ ...vars }) as unknown as NodeJS.ProcessEnv;

function io(env: NodeJS.ProcessEnv = penv(PASS)) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env } };
}

describe("npm run kmc", () => {
  it("init writes one 0600 share file per custodian and prints the public key; the files rebuild it M of N; never overwritten", async () => {
    const dir = scratch.file("kmc");
    const run = io();
    expect(await runKmcCommand(["init", "--custodians", "3", "--threshold", "2", "--out", dir, "--passphrase-env", "P1,P2,P3"], run.io)).toBe(0);
    expect(run.err).toEqual([]);
    const line = run.out.find((l) => l.startsWith("CERTDESK_KMK_PUBLIC_KEY="))!;
    const publicKey = line.split("=")[1]!;
    expect(publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(readdirSync(dir).sort()).toEqual(["kmk-share-1.json", "kmk-share-2.json", "kmk-share-3.json"]);
    for (const f of readdirSync(dir)) expect(statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    const files = readdirSync(dir).sort().map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { kmkId: string; x: number });
    expect(files.map((f) => f.kmkId)).toEqual(Array(3).fill(kmkIdOf(hexToBytes(publicKey))));
    // No passphrase and no share value in the clear in any file or in the output.
    const written = readdirSync(dir).map((f) => readFileSync(path.join(dir, f), "utf8")).join("\n") + run.out.join("\n");
    for (const p of Object.values(PASS)) expect(written).not.toContain(p);
    expect(openKmk({ files: [files[2], files[0]], passphrases: [PASS.P3, PASS.P1] }).publicKey).toBe(publicKey);
    // The passphrase variables were taken out of the environment once read.
    expect(run.io.env.P1).toBeUndefined();

    const again = io();
    expect(await runKmcCommand(["init", "--custodians", "3", "--threshold", "2", "--out", dir, "--passphrase-env", "P1,P2,P3"], again.io)).toBe(1);
    expect(again.err.join("")).toMatch(/never overwritten/);
    expect(JSON.parse(readFileSync(path.join(dir, "kmk-share-1.json"), "utf8")).kmkId).toBe(files[0]!.kmkId);
  });

  it("refuses bad ceremonies with a reason: threshold above the custodians, too few variables, weak or shared passphrases", async () => {
    const cases: Array<[string[], NodeJS.ProcessEnv, RegExp]> = [
      [["init", "--custodians", "2", "--threshold", "3", "--out", scratch.file("a"), "--passphrase-env", "P1,P2"], penv(PASS), /threshold/],
      [["init", "--custodians", "3", "--threshold", "2", "--out", scratch.file("b"), "--passphrase-env", "P1,P2"], penv(PASS), /names 2 variables for 3 custodians/],
      [["init", "--custodians", "2", "--threshold", "2", "--out", scratch.file("c"), "--passphrase-env", "P1,P2"], penv({ P1: "short", P2: PASS.P2 }), /at least 12 characters/],
      [["init", "--custodians", "2", "--threshold", "2", "--out", scratch.file("d"), "--passphrase-env", "P1,P2"], penv({ P1: PASS.P1, P2: PASS.P1 }), /passphrase of their own/],
    ];
    for (const [args, env, message] of cases) {
      const run = io(env);
      expect(await runKmcCommand(args, run.io)).toBe(1);
      expect(run.err.join(" ")).toMatch(message);
    }
    expect(() => statSync(scratch.file("c"))).toThrow();
    const usage = io();
    expect(await runKmcCommand(["deliver"], usage.io)).toBe(2);
    expect(usage.err.join("")).toContain("usage: npm run kmc");
  });

  it("deliver with fewer custodians than the threshold, or a wrong passphrase, opens nothing", async () => {
    const dir = scratch.file("kmc2");
    expect(await runKmcCommand(["init", "--custodians", "3", "--threshold", "2", "--out", dir, "--passphrase-env", "P1,P2,P3"], io().io)).toBe(0);
    const one = io();
    expect(await runKmcCommand(["deliver", "--share", path.join(dir, "kmk-share-1.json"), "--passphrase-env", "P1"], one.io)).toBe(1);
    expect(one.err.join("")).toMatch(/needs 2 of 3 custodians, 1 given/);
    const wrong = io(penv({ P1: PASS.P1, P2: PASS.P3 }));
    expect(await runKmcCommand(["deliver", "--share", path.join(dir, "kmk-share-1.json"), "--share", path.join(dir, "kmk-share-2.json"), "--passphrase-env", "P1,P2"], wrong.io)).toBe(1);
    expect(wrong.err.join("")).toMatch(/wrong passphrase for share 2/);
    const twice = io(penv({ P1: PASS.P1, AGAIN: PASS.P1 }));
    expect(await runKmcCommand(["deliver", "--share", path.join(dir, "kmk-share-1.json"), "--share", path.join(dir, "kmk-share-1.json"), "--passphrase-env", "P1,AGAIN"], twice.io)).toBe(1);
    expect(twice.err.join("")).toMatch(/same share was given twice/);
  });

  it("runs as a real process (tsx scripts/kmc.ts) with exit codes 0 and 2", { timeout: 120_000 }, () => {
    const tsx = path.resolve("node_modules/.bin/tsx");
    const dir = scratch.file("kmc-process");
    const env = { ...process.env, ...PASS, DATA_DIR: scratch.file("kmc-process-data") };
    const init = spawnSync(tsx, ["scripts/kmc.ts", "init", "--custodians", "2", "--threshold", "1", "--out", dir, "--passphrase-env", "P1,P2"], { env, encoding: "utf8", timeout: 60_000 });
    expect(init.stderr).toBe("");
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/key-management key [0-9a-f]{16} created, 1 of 2 custodians/);
    expect(init.stdout).toMatch(/CERTDESK_KMK_PUBLIC_KEY=04[0-9a-f]{128}/);
    const usage = spawnSync(tsx, ["scripts/kmc.ts", "frobnicate"], { env, encoding: "utf8", timeout: 60_000 });
    expect(usage.status).toBe(2);
  });
});
