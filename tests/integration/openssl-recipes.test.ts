import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/scan-requests/route";
import { GET as getRoute } from "@/app/api/v1/scan-requests/[id]/route";
import { GET as caIndexRoute } from "@/app/(pki)/pki/ca/route";
import { GET as caFileRoute } from "@/app/(pki)/pki/ca/[file]/route";
import { GET as crlRoute } from "@/app/(pki)/pki/crl/[file]/route";
import { POST as ocspRoute } from "@/app/(pki)/pki/ocsp/route";
import { db } from "@/lib/db/client";
import { OPENSSL_RECIPES, type OpensslRecipe } from "@/lib/platform/openssl-recipes";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { openScanRequest } from "@/lib/server/scan/open-scan-request";
import { completeScanRequest } from "@/lib/server/scan/complete-scan-request";
import { signCmsDetached } from "@/lib/pki/cms/sign-cms-detached";
import { sm3 } from "@/lib/pki/sm3";
import { bytesToHex } from "@/lib/pki/encoding";
import { createPlatform } from "../support/platform-fixtures";
import { issuedUnit, phoneSigner } from "./certs-support";

// The OpenSSL 3.0 recipes the API document publishes (lib/platform/openssl-recipes.ts), run as
// written with bash and the system's openssl, on what a platform really receives: a login and a
// document signature through the API, the CA certificates and CRL from /pki, an OCSP answer from
// the responder over HTTP. Each recipe must pass on the genuine files and fail on a tampered one.

type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
const call = (route: Handler, url: string, { params = {}, auth, method = "GET", body }: { params?: object; auth?: string; method?: string; body?: unknown } = {}) =>
  route(new Request(url, { method, headers: { ...(auth ? { authorization: auth } : {}), "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params as never) });

const exec = promisify(execFile);

/** Runs the recipe's script with bash -e in a folder holding the files (async: the OCSP responder answers from this process). */
async function run(recipe: OpensslRecipe, files: Record<string, string | Uint8Array>, env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), `certdesk-recipe-${recipe.id}-`));
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  expect(Object.keys(files).sort()).toEqual(Object.keys(recipe.inputs).sort());
  try {
    const { stdout, stderr } = await exec("bash", ["-e", "-c", recipe.script], { cwd: dir, env: { ...process.env, ...env }, encoding: "utf8", timeout: 30_000 });
    return { ok: true, out: stdout + stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

const recipe = (id: OpensslRecipe["id"]) => OPENSSL_RECIPES.find((r) => r.id === id)!;
const tamper = (bytes: Uint8Array, at: number) => {
  const copy = Uint8Array.from(bytes);
  copy[at] ^= 0x01;
  return copy;
};

describe("the published OpenSSL 3.0 recipes verify real artifacts, as written", () => {
  let ocspServer: Server;
  let ocspUrl = "";
  const pem = { root: "", ca: "", ocsp: "" };
  let crl = new Uint8Array();
  let holder: Awaited<ReturnType<typeof issuedUnit>>;
  let authorization = "";

  beforeAll(async () => {
    await ensureCaHierarchy();
    holder = await issuedUnit();
    ({ authorization } = await createPlatform());
    // The CA repository as a platform reads it: the index, then each certificate's .pem URL.
    const { cas } = (await (await call(caIndexRoute, "http://desk.test/pki/ca")).json()) as { cas: Array<{ id: string; kind: string; active: boolean; certificateUrl: string }> };
    const issuing = await db.certificateAuthority.findUniqueOrThrow({ where: { id: holder.issued.sign.caId } });
    const pemOf = async (id: string) => (await call(caFileRoute, `http://desk.test/pki/ca/${id}.pem`, { params: { file: `${id}.pem` } })).text();
    expect(cas.some((c) => c.id === issuing.id && c.kind === "ISSUING")).toBe(true);
    pem.ca = await pemOf(issuing.id);
    pem.root = await pemOf(issuing.parentId!);
    const responder = await db.certificateAuthority.findFirstOrThrow({ where: { kind: "OCSP", active: true, parentId: issuing.id }, orderBy: { createdAt: "desc" } });
    pem.ocsp = await pemOf(responder.id);
    crl = new Uint8Array(await (await call(crlRoute, `http://desk.test/pki/crl/${issuing.id}.crl`, { params: { file: `${issuing.id}.crl` } })).arrayBuffer());
    // The responder over HTTP, as curl reaches it.
    ocspServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const answer = await ocspRoute(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers: { "content-type": req.headers["content-type"] ?? "" }, body: Buffer.concat(chunks) }), { params: Promise.resolve({}) });
        res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "" }).end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    await new Promise<void>((r) => ocspServer.listen(0, "127.0.0.1", r));
    ocspUrl = `http://127.0.0.1:${(ocspServer.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => ocspServer.close(() => r())));

  it("chain: root → issuing CA → the holder's certificate, each link with -vfyopt", async () => {
    const ok = await run(recipe("chain"), { "root.pem": pem.root, "ca.pem": pem.ca, "user.pem": holder.issued.sign.pem });
    expect(ok.out).toContain("ca.pem: OK");
    expect(ok.out).toContain("user.pem: OK");
    expect(ok.ok).toBe(true);
    // The holder's certificate checked against the root in the issuing CA's place: refused.
    expect((await run(recipe("chain"), { "root.pem": pem.root, "ca.pem": pem.root, "user.pem": holder.issued.sign.pem })).ok).toBe(false);
  });

  it("login: result.signature over the challenge", async () => {
    const challenge = `login-${Date.now()}-recipe-check`;
    const created = (await (await call(createRoute, "http://desk.test/api/v1/scan-requests", { method: "POST", auth: authorization, body: { type: "login", challenge } })).json()) as { id: string; qrContent: string };
    await openScanRequest({ userId: holder.user.id, token: created.qrContent.split("/m/s/")[1]! });
    const signature = await phoneSigner(holder.user.id, holder.sign).sign(new TextEncoder().encode(challenge));
    await completeScanRequest({ userId: holder.user.id, id: created.id, certificateId: holder.issued.sign.id, result: { signature: Buffer.from(signature).toString("base64") } });
    const { result } = (await (await call(getRoute, "http://desk.test/x", { auth: authorization, params: { id: created.id } })).json()) as { result: { certificate: string; signature: string } };
    const files = { "user.pem": result.certificate, "challenge.txt": challenge, "signature.b64": result.signature };
    const ok = await run(recipe("login"), files);
    expect(ok.out).toContain("Signature Verified Successfully");
    expect(ok.ok).toBe(true);
    expect((await run(recipe("login"), { ...files, "challenge.txt": `${challenge}x` })).ok).toBe(false);
  });

  it("cms: result.cms over the document's SM3 digest", async () => {
    const document = new TextEncoder().encode("投标文件 第一册 商务标（OpenSSL 配方）");
    const created = (await (await call(createRoute, "http://desk.test/api/v1/scan-requests", { method: "POST", auth: authorization, body: { type: "sign", digest: bytesToHex(sm3(document)), title: "商务标" } })).json()) as { id: string; qrContent: string };
    await openScanRequest({ userId: holder.user.id, token: created.qrContent.split("/m/s/")[1]! });
    const { der } = await signCmsDetached({ digest: sm3(document), signer: { certificate: holder.issued.sign.der, signer: phoneSigner(holder.user.id, holder.sign) } });
    await completeScanRequest({ userId: holder.user.id, id: created.id, certificateId: holder.issued.sign.id, result: { cms: Buffer.from(der).toString("base64") } });
    const { result } = (await (await call(getRoute, "http://desk.test/x", { auth: authorization, params: { id: created.id } })).json()) as { result: { certificate: string; cms: string } };
    const files = { "user.pem": result.certificate, "document.bin": document, "signature.b64": result.cms };
    const ok = await run(recipe("cms"), files);
    expect(ok.out).toContain("Signature Verified Successfully");
    expect(ok.ok).toBe(true);
    // Another document (digest check) and a flipped signature byte (signature check) both fail.
    expect((await run(recipe("cms"), { ...files, "document.bin": tamper(document, 3) })).ok).toBe(false);
    const p7s = Buffer.from(result.cms, "base64");
    expect((await run(recipe("cms"), { ...files, "signature.b64": Buffer.from(tamper(p7s, p7s.length - 5)).toString("base64") })).ok).toBe(false);
  });

  it("crl: the issuing CA's signature over /pki/crl/<caId>.crl", async () => {
    const ok = await run(recipe("crl"), { "ca.pem": pem.ca, "ca.crl": crl });
    expect(ok.out).toContain("Signature Verified Successfully");
    expect(ok.out).toContain("Certificate Revocation List (CRL)");
    expect(ok.ok).toBe(true);
    expect((await run(recipe("crl"), { "ca.pem": pem.ca, "ca.crl": tamper(crl, 40) })).ok).toBe(false);
  });

  it("ocsp: the responder's answer for the holder's certificate (over HTTP, with curl)", async () => {
    const files = { "ca.pem": pem.ca, "ocsp.pem": pem.ocsp, "user.pem": holder.issued.sign.pem };
    const ok = await run(recipe("ocsp"), files, { CERTDESK_URL: ocspUrl });
    expect(ok.out).toContain("ocsp.pem: OK");
    expect(ok.out).toContain("Signature Verified Successfully");
    expect(ok.out).toContain("user.pem: good");
    expect(ok.ok).toBe(true);
    // A responder certificate the answer was not signed with: refused.
    expect((await run(recipe("ocsp"), { ...files, "ocsp.pem": pem.ca }, { CERTDESK_URL: ocspUrl })).ok).toBe(false);
  });
});
