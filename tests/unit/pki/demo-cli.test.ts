import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { verifyCmsDetached } from "@/lib/pki/verify/verify-cms-detached";
import { DIST_ID, opensslOk, publicKeyOf } from "./openssl-helpers";

// The CLI as a developer runs it: `npm run pki -- demo --out DIR`, then OpenSSL on the result.

const REPO = path.resolve(import.meta.dirname, "../../..");
let dir: string;
const file = (name: string) => path.join(dir, name);

function npmRunPki(args: string[]) {
  return spawnSync("npm", ["run", "--silent", "pki", "--", ...args], { cwd: REPO, encoding: "buffer" });
}

/** The same script without npm's start-up cost, for the error paths. */
function tsxPki(args: string[]) {
  return spawnSync(path.join(REPO, "node_modules/.bin/tsx"), ["scripts/pki.ts", ...args], { cwd: REPO, encoding: "buffer" });
}

/** The 65-byte point of a PEM certificate's key, hex, read by OpenSSL. */
function certificatePointHex(certPem: string): string {
  const spki = spawnSync("openssl", ["pkey", "-pubin", "-in", publicKeyOf(certPem), "-outform", "DER"]).stdout;
  return Buffer.from(spki).subarray(-65).toString("hex");
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "certdesk-demo-cli-"));
  const run = npmRunPki(["demo", "--out", dir]);
  if (run.status !== 0) throw new Error(`pki demo failed: ${run.stderr.toString()}`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run pki -- demo", () => {
  it("writes exactly the promised files", () => {
    const names = ["root.pem", "ca.pem", "sign.pem", "enc.pem", "revoked.pem", "crl.der", "ocsp-good.der", "ocsp-revoked.der", "data.bin", "data.p7s", "shares.json"];
    for (const name of names) expect(existsSync(file(name)), name).toBe(true);
  });

  it("issues the unit's dual certificates on the split keys recorded in shares.json", () => {
    const shares = z
      .object({ sign: z.object({ d1: z.string().regex(/^[0-9a-f]{64}$/), d2: z.string().regex(/^[0-9a-f]{64}$/), publicKey: z.string() }), enc: z.object({ publicKey: z.string() }) })
      .parse(JSON.parse(readFileSync(file("shares.json"), "utf8")));
    expect(certificatePointHex(file("sign.pem"))).toBe(shares.sign.publicKey);
    expect(certificatePointHex(file("enc.pem"))).toBe(shares.enc.publicKey);
    expect(shares.sign.publicKey).not.toBe(shares.enc.publicKey);
    for (const leaf of ["sign.pem", "enc.pem"]) {
      const out = opensslOk(["verify", "-vfyopt", `distid:${DIST_ID}`, "-partial_chain", "-CAfile", file("ca.pem"), file(leaf)]);
      expect(out.trim()).toBe(`${file(leaf)}: OK`);
    }
  });

  it("signs data.bin so that our verifier accepts it with the root as anchor", async () => {
    const result = await verifyCmsDetached({
      p7s: new Uint8Array(readFileSync(file("data.p7s"))),
      data: new Uint8Array(readFileSync(file("data.bin"))),
      trustedRoots: [readFileSync(file("root.pem"), "utf8")],
    });
    expect(result.reasons).toEqual([]);
  });
});

describe("npm run pki -- demo-decrypt", () => {
  it("jointly decrypts what OpenSSL encrypted to enc.pem", () => {
    const message = "投标保证金 secret: 42\n";
    writeFileSync(file("m.txt"), message);
    opensslOk(["pkeyutl", "-encrypt", "-pubin", "-inkey", publicKeyOf(file("enc.pem")), "-in", file("m.txt"), "-out", file("ct.der")]);
    const run = npmRunPki(["demo-decrypt", "--dir", dir, "--in", file("ct.der")]);
    expect(run.stderr.toString()).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.toString("utf8")).toBe(message);
  });

  it("fails for a ciphertext made for another key", () => {
    writeFileSync(file("m2.txt"), "not for enc.pem");
    opensslOk(["pkeyutl", "-encrypt", "-pubin", "-inkey", publicKeyOf(file("sign.pem")), "-in", file("m2.txt"), "-out", file("ct2.der")]);
    const run = tsxPki(["demo-decrypt", "--dir", dir, "--in", file("ct2.der")]);
    expect(run.status).not.toBe(0);
    expect(run.stdout.length).toBe(0);
  });

  it("prints usage for an unknown command", () => {
    const run = tsxPki(["nonsense"]);
    expect(run.status).toBe(2);
    expect(run.stderr.toString()).toContain("usage: npm run pki");
  });
});
