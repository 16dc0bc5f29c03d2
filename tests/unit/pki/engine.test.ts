import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupPkijs } from "@/lib/pki/engine/setup-pkijs";
import { toCertificate } from "@/lib/pki/x509/certificate-input";
import { verifyChain } from "@/lib/pki/verify/verify-chain";
import { DIST_ID, opensslOk } from "./openssl-helpers";

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "certdesk-engine-"));
  // An SM2 CA and leaf made entirely by OpenSSL, signed with the GM/T default ID.
  opensslOk(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", file("ca.key")]);
  opensslOk(["req", "-new", "-x509", "-key", file("ca.key"), "-sm3", "-sigopt", `distid:${DIST_ID}`, "-subj", "/C=CN/O=OpenSSL/CN=OpenSSL SM2 CA", "-days", "2", "-out", file("ca.pem")]);
  opensslOk(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", file("ee.key")]);
  opensslOk(["req", "-new", "-key", file("ee.key"), "-sm3", "-sigopt", `distid:${DIST_ID}`, "-subj", "/C=CN/CN=OpenSSL EE", "-out", file("ee.csr")]);
  writeFileSync(file("ee.ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n");
  for (const [name, idArgs] of [["ee.pem", ["-sigopt", `distid:${DIST_ID}`]], ["ee-empty-id.pem", []]] as const) {
    opensslOk(["x509", "-req", "-in", file("ee.csr"), "-CA", file("ca.pem"), "-CAkey", file("ca.key"), "-CAcreateserial", "-sm3", ...idArgs, "-vfyopt", `distid:${DIST_ID}`, "-extfile", file("ee.ext"), "-days", "1", "-out", file(name)]);
  }
  opensslOk(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", file("p256.key"), "-subj", "/CN=P-256", "-days", "1", "-out", file("p256.pem")]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Sm2CryptoEngine", () => {
  it("is installed once as pkijs' engine", () => {
    const engine = setupPkijs();
    expect(setupPkijs()).toBe(engine);
    expect(pkijs.getCrypto(true)).toBe(engine);
  });

  it("computes SM3 like openssl dgst -sm3", async () => {
    const data = globalThis.crypto.getRandomValues(new Uint8Array(200));
    writeFileSync(file("data"), data);
    const ours = Buffer.from(await setupPkijs().digest({ name: "SM3" }, data)).toString("hex");
    expect(ours).toBe(opensslOk(["dgst", "-sm3", "-r", file("data")]).split(" ")[0]);
  });

  it("verifies SM2 certificates that OpenSSL signed with the GM/T ID, and refuses the empty-ID ones", async () => {
    const roots = [readFileSync(file("ca.pem"), "utf8")];
    const good = await verifyChain({ leaf: readFileSync(file("ee.pem"), "utf8"), roots });
    expect(good.reasons).toEqual([]);
    const emptyId = await verifyChain({ leaf: readFileSync(file("ee-empty-id.pem"), "utf8"), roots });
    expect(emptyId.reasons).toEqual(["signature_invalid"]);
  });

  it("leaves other algorithms to WebCrypto (ECDSA P-256)", async () => {
    const cert = toCertificate(readFileSync(file("p256.pem"), "utf8"));
    expect(await cert.verify(undefined, setupPkijs())).toBe(true);
  });
});
