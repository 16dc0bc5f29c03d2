// `npm run ca -- root export-offline` on a desk whose root was created online (older demo
// databases), and the CLI once as a real process (tsx scripts/ca.ts) against its own data folder.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SMS_TEMPLATE_NAMES, smsTemplateVariable } from "@/lib/env";
import { bytesToHex } from "@/lib/pki/encoding";
import { derToPem } from "@/lib/pki/pem";
import { generateKeyPair } from "@/lib/pki/sm2";
import { db } from "@/lib/db/client";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { generateCrl } from "@/lib/server/ca/generate-crl";
import { keyCustody } from "@/lib/server/ca/key-custody";
import { exportOfflineRoot } from "@/lib/server/ca/offline-root/export-offline-root";
import { initOfflineRoot } from "@/lib/server/ca/offline-root/init-offline-root";
import { offlineKeyRef } from "@/lib/server/ca/offline-root/offline-key-ref";
import { signRootCrl } from "@/lib/server/ca/offline-root/sign-root-crl";
import { expectAppError } from "../support/expect-app-error";
import { opensslOk, opensslVerifiesSignature, publicKeyOf } from "../unit/pki/openssl-helpers";
import { scratchDir } from "./certs-support";
import { useOwnDatabase } from "./own-database";

await useOwnDatabase("certdesk_offline_export");
const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const PASSPHRASE = "export passphrase, long enough";

describe("root export-offline", () => {
  it("moves an online root's key into a key file; afterwards the desk cannot sign as root", async () => {
    const { root, issuing } = await ensureCaHierarchy(); // demo mode: the desk made an online root
    const before = await db.certificateAuthority.findUniqueOrThrow({ where: { id: root.id }, select: { wrappedKey: true, keyRef: true } });
    expect(before.keyRef).toMatch(/^local:root:/);
    expect(before.wrappedKey).toBeTruthy();
    // The desk can sign as this root now (and keeps the signer in memory).
    const onlineSigner = await keyCustody().signer(before.keyRef);
    expect((await generateCrl({ caId: root.id })).number).toBe(2n);

    const keyFile = scratch.file("exported-root.pem");
    const exported = await exportOfflineRoot({ keyOut: keyFile, passphrase: PASSPHRASE, iterations: 10_000 });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const after = await db.certificateAuthority.findUniqueOrThrow({ where: { id: root.id }, select: { wrappedKey: true, keyRef: true } });
    expect(after.wrappedKey).toBeNull();
    expect(after.keyRef).toBe(offlineKeyRef(onlineSigner.publicKey));
    expect(exported.keyRef).toBe(after.keyRef);

    // OpenSSL opens the file, and its key is the root certificate's.
    const rootPem = scratch.write("root.pem", derToPem(root.certDer, "CERTIFICATE"));
    const fromFile = opensslOk(["pkey", "-in", keyFile, "-passin", `pass:${PASSPHRASE}`, "-pubout"]);
    expect(fromFile).toBe(readFileSync(publicKeyOf(rootPem), "utf8"));

    // The desk refuses to sign as root, even the process that had the key in memory.
    await expectAppError(generateCrl({ caId: root.id }), "conflict");
    await expectAppError(keyCustody().signer(after.keyRef), "internal");
    expect(await db.crl.count({ where: { caId: root.id } })).toBe(2);
    // The rest of the desk carries on: the issuing CA is untouched.
    expect((await ensureCaHierarchy()).issuing.id).toBe(issuing.id);
    expect((await generateCrl({ caId: issuing.id })).caId).toBe(issuing.id);

    // The key file signs the next root CRL; OpenSSL checks it with the root certificate's key.
    const crl = await signRootCrl({ rootKeyFile: keyFile, passphrase: PASSPHRASE });
    expect(crl.number).toBe(3n);
    const der = (await db.crl.findUniqueOrThrow({ where: { id: crl.id } })).der;
    expect(opensslVerifiesSignature(scratch.write("root-3.crl", der), publicKeyOf(rootPem))).toBe(true);

    // Twice is refused, and a refused export writes no file.
    await expectAppError(exportOfflineRoot({ keyOut: scratch.file("again.pem"), passphrase: PASSPHRASE }), "conflict");
    expect(() => statSync(scratch.file("again.pem"))).toThrow();
    expect(await db.auditLog.count({ where: { action: "ca.root_exported_offline", targetId: root.id } })).toBe(1);
  });
});

describe("root init under concurrency", () => {
  it("three ceremonies racing on an empty hierarchy make one root; the others' key files are removed", async () => {
    await db.certificateAuthority.updateMany({ data: { active: false } }); // retire the hierarchy above
    const files = [1, 2, 3].map((n) => scratch.file(`race-${n}.pem`));
    const results = await Promise.allSettled(files.map((keyOut) => initOfflineRoot({ keyOut, passphrase: PASSPHRASE, iterations: 10_000 })));
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [{ root: r.value.root, file: files[i] }] : []));
    expect(won).toHaveLength(1);
    for (const [i, r] of results.entries()) {
      if (r.status === "fulfilled") continue;
      expect(r.reason).toMatchObject({ code: "conflict" });
      expect(() => statSync(files[i])).toThrow();
    }
    expect(await db.certificateAuthority.count({ where: { kind: "ROOT", active: true } })).toBe(1);
    const fromFile = opensslOk(["pkey", "-in", won[0].file, "-passin", `pass:${PASSPHRASE}`, "-pubout"]);
    expect(fromFile).toBe(readFileSync(publicKeyOf(scratch.write("race-root.pem", derToPem(won[0].root.certDer, "CERTIFICATE"))), "utf8"));
  });
});

describe("npm run ca as a real process", () => {
  it("runs the ceremony with --passphrase-env against its own data folder, with exit codes 0 / 1 / 2; a production start stops until it is done", { timeout: 240_000 }, async () => {
    const dataDir = scratch.file("cli-data");
    const keyFile = scratch.file("cli-root.pem");
    const passphrase = `cli ${randomBytes(8).toString("hex")}`;
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      CERTDESK_KEK: randomBytes(32).toString("hex"),
      AUTH_SECRET: randomBytes(32).toString("hex"),
      CERTDESK_DEMO: "0",
      ROOT_PASS: passphrase,
      WRONG_PASS: `${passphrase}?`,
    };
    delete childEnv.DATABASE_URL;
    const tsx = path.resolve("node_modules/.bin/tsx");
    const run = (args: string[]) => {
      const result = spawnSync(tsx, args, { env: childEnv, encoding: "utf8", timeout: 120_000 });
      return { status: result.status, out: result.stdout, err: result.stderr };
    };

    // What `next start` runs first (instrumentation register()), as a production desk with a gateway.
    const production: NodeJS.ProcessEnv = { NEXT_RUNTIME: "nodejs", NODE_ENV: "production", JOB_WORKER: "off", CERTDESK_KMK_PUBLIC_KEY: bytesToHex(generateKeyPair().publicKey), SMS_PROVIDER: "aliyun", SMS_ALIYUN_ACCESS_KEY_ID: "LTAI5t", SMS_ALIYUN_ACCESS_KEY_SECRET: "secret", SMS_ALIYUN_SIGN_NAME: "云证书服务台", ...Object.fromEntries(SMS_TEMPLATE_NAMES.map((t) => [smsTemplateVariable(t), "SMS_1"])) };
    const start = () => {
      const result = spawnSync(tsx, [path.resolve("tests/unit/config/run-register.ts")], { env: { ...childEnv, ...production }, encoding: "utf8", timeout: 120_000 });
      return { status: result.status, out: result.stdout, err: result.stderr };
    };

    expect(run(["scripts/db-migrate.ts"]).status).toBe(0);
    const noRoot = start();
    expect(noRoot.err, "the configuration itself must pass the start-up check").not.toContain("refuses to start outside demo mode");
    expect(noRoot.status).toBe(1);
    expect(noRoot.err).toContain("npm run ca -- root init --key-out FILE");
    expect(noRoot.out).not.toContain("STARTED");

    const init = run(["scripts/ca.ts", "root", "init", "--key-out", keyFile, "--passphrase-env", "ROOT_PASS"]);
    expect(init.err).toBe("");
    expect(init.status).toBe(0);
    expect(init.out).toMatch(/root CA \S+ created: .*CN=CertDesk SM2 Root CA.*key offline:[0-9a-f]{64}/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const noIssuing = start();
    expect(noIssuing.status).toBe(1);
    expect(noIssuing.err).toContain("npm run ca -- issuing create --root-key FILE");

    const issuing = run(["scripts/ca.ts", "issuing", "create", "--root-key", keyFile, "--passphrase-env", "ROOT_PASS"]);
    expect(issuing.status, issuing.err).toBe(0);
    expect(issuing.out).toContain("issuing CA");

    const started = start();
    expect(started.out, started.err).toContain("STARTED");
    expect(started.status).toBe(0);

    const wrong = run(["scripts/ca.ts", "root", "crl", "--root-key", keyFile, "--passphrase-env", "WRONG_PASS"]);
    expect(wrong.status).toBe(1);
    expect(wrong.err).toContain("refused: wrong passphrase");

    const crl = run(["scripts/ca.ts", "root", "crl", "--root-key", keyFile, "--passphrase-env", "ROOT_PASS"]);
    expect(crl.status, crl.err).toBe(0);
    expect(crl.out).toMatch(/root CRL #3 signed/);

    const status = run(["scripts/ca.ts", "status"]);
    expect(status.status).toBe(0);
    expect(status.out).toMatch(/ROOT\s+active\s+\S+ CertDesk SM2 Root CA, key offline/);
    expect(status.out).toMatch(/ISSUING\s+active\s+\S+ CertDesk SM2 Issuing CA, key desk/);
    expect(status.out).toMatch(/root CRL: ok, sign the next one by/);

    expect(run(["scripts/ca.ts", "root", "init"]).status).toBe(2);
    expect(run(["scripts/ca.ts", "root", "crl", "--root-key", keyFile, "--passphrase", "x"]).status).toBe(2);
    const noTty = run(["scripts/ca.ts", "root", "crl", "--root-key", keyFile]);
    expect(noTty.status).toBe(1);
    expect(noTty.err).toContain("--passphrase-env");
    for (const r of [init, issuing, wrong, crl, status]) expect(r.out + r.err).not.toContain(passphrase);

    // At a terminal (a pseudo-terminal from script(1)): the prompt appears, the typing is not echoed.
    const { ROOT_PASS: _unused, ...noPassEnv } = childEnv;
    const typed = await new Promise<{ status: number | null; out: string }>((resolve, reject) => {
      const child = spawn("script", ["-qec", `${tsx} scripts/ca.ts root crl --root-key ${keyFile}`, "/dev/null"], { env: noPassEnv });
      let out = "";
      let answered = false;
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        if (!answered && out.includes("Root key passphrase: ")) {
          answered = true;
          child.stdin.write(`${passphrase}\r`);
        }
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ status: code, out }));
    });
    expect(typed.out).toContain("Root key passphrase: ");
    expect(typed.out).toMatch(/root CRL #4 signed/);
    expect(typed.status).toBe(0);
    expect(typed.out).not.toContain(passphrase);
  });
});
