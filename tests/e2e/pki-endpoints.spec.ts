// The public PKI endpoints of a running server, checked with OpenSSL: the CA certificates and
// CRL it publishes, and its OCSP responder answering `openssl ocsp -url` over HTTP. No test
// backdoor: the certificates asked about are ones the server publishes itself (its delegated
// OCSP responder's certificate, issued by the issuing CA) or a serial it never issued.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DIST_ID, extractBasicOcspResponse, opensslVerifiesSignature, publicKeyOf } from "../unit/pki/openssl-helpers";

type PublicCa = { id: string; kind: "ROOT" | "ISSUING" | "OCSP"; active: boolean; certificateUrl: string; crlUrl?: string };

// Made in beforeAll, not at import: Playwright also imports spec files just to list the tests.
let dir = "";
const file = (name: string) => path.join(dir, name);
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "certdesk-e2e-pki-"));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openssl(args: string[]) {
  const run = spawnSync("openssl", args, { encoding: "utf8" });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** Index → the active CAs, and each CA's certificate saved as PEM. */
async function publishedCas(request: APIRequestContext) {
  const index = await request.get("/pki/ca");
  expect(index.ok()).toBe(true);
  const { cas } = (await index.json()) as { cas: PublicCa[] };
  const pick = (kind: PublicCa["kind"]) => cas.filter((c) => c.kind === kind && c.active).at(-1)!;
  const [root, issuing, ocsp] = [pick("ROOT"), pick("ISSUING"), pick("OCSP")];
  for (const ca of [root, issuing, ocsp]) {
    const der = await request.get(new URL(ca.certificateUrl).pathname);
    expect(der.headers()["content-type"]).toBe("application/pkix-cert");
    writeFileSync(file(`${ca.kind}.der`), await der.body());
    execFileSync("openssl", ["x509", "-inform", "DER", "-in", file(`${ca.kind}.der`), "-out", file(`${ca.kind}.pem`)]);
  }
  return { root, issuing, ocsp };
}

test.describe("public PKI endpoints", () => {
  test("serve the CA certificates (DER and PEM) that chain root → issuing CA", async ({ request }) => {
    const { root, issuing } = await publishedCas(request);
    const pem = await request.get(`/pki/ca/${issuing.id}.pem`);
    expect(await pem.text()).toBe(readFileSync(file("ISSUING.pem"), "utf8"));
    expect((await request.get(`/pki/ca/${issuing.id}.cer`)).headers()["cache-control"]).toContain("max-age=");
    const verified = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-CAfile", file("ROOT.pem"), file("ISSUING.pem")]);
    expect(verified.out).toContain(": OK");
    // The issuing CA points at the root's CRL and certificate on this server.
    const text = openssl(["x509", "-in", file("ISSUING.pem"), "-noout", "-text"]).out;
    expect(text).toContain(`/pki/crl/${root.id}.crl`);
    expect(text).toContain(`/pki/ca/${root.id}.cer`);
    expect((await request.get("/pki/ca/doesnotexist.cer")).status()).toBe(404);
  });

  test("serve the issuing CA's CRL as DER that OpenSSL parses, signed by the CA", async ({ request }) => {
    const { issuing } = await publishedCas(request);
    const response = await request.get(new URL(issuing.crlUrl!).pathname);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pkix-crl");
    expect(response.headers()["cache-control"]).toMatch(/public, max-age=\d+/);
    expect(response.headers()["expires"]).toBeTruthy();
    writeFileSync(file("issuing.crl"), await response.body());
    const text = openssl(["crl", "-inform", "DER", "-in", file("issuing.crl"), "-noout", "-text"]).out;
    expect(text).toContain("Issuer: C = CN, O = CertDesk, CN = CertDesk SM2 Issuing CA");
    expect(text).toContain("X509v3 CRL Number:");
    expect(text).toContain("Next Update:");
    expect(opensslVerifiesSignature(file("issuing.crl"), publicKeyOf(file("ISSUING.pem")))).toBe(true);
    expect((await request.get("/pki/crl/nope.crl")).status()).toBe(404);
  });

  test("answer `openssl ocsp -url` over HTTP: good, unknown, nonce echoed, signed by the responder", async ({ request, baseURL }) => {
    const { ocsp } = await publishedCas(request);
    const url = `${baseURL}/pki/ocsp`;
    const good = openssl([
      "ocsp", "-issuer", file("ISSUING.pem"), "-cert", file("OCSP.pem"), "-url", url,
      "-resp_text", "-noverify", "-reqout", file("good.req"), "-respout", file("good.resp"),
    ]);
    expect(good.out).toContain("OCSP Response Status: successful (0x0)");
    expect(good.out).toContain(`${file("OCSP.pem")}: good`);
    expect(good.out).toContain("OCSP Nonce:");
    expect(good.out).not.toMatch(/nonce.*(verify|mismatch)/i);
    const basic = extractBasicOcspResponse(file("good.resp"));
    expect(opensslVerifiesSignature(basic, publicKeyOf(file("OCSP.pem")))).toBe(true);
    expect(ocsp.id).toBeTruthy();

    const unknown = openssl(["ocsp", "-issuer", file("ISSUING.pem"), "-serial", "0x7e57c0de", "-url", url, "-resp_text", "-noverify"]);
    expect(unknown.out).toContain("Cert Status: unknown");
  });

  test("answer the GET form with HTTP cache headers, and refuse a wrong content type", async ({ request }) => {
    await publishedCas(request);
    execFileSync("openssl", ["ocsp", "-issuer", file("ISSUING.pem"), "-cert", file("OCSP.pem"), "-no_nonce", "-reqout", file("get.req")]);
    const encoded = encodeURIComponent(readFileSync(file("get.req")).toString("base64"));
    const response = await request.get(`/pki/ocsp/${encoded}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/ocsp-response");
    expect(response.headers()["cache-control"]).toMatch(/max-age=\d+/);
    expect(response.headers()["etag"]).toBeTruthy();
    writeFileSync(file("get.resp"), await response.body());
    expect(openssl(["ocsp", "-respin", file("get.resp"), "-resp_text", "-noverify"]).out).toContain("Cert Status: good");

    const wrongType = await request.post("/pki/ocsp", { data: "hello", headers: { "Content-Type": "text/plain" } });
    expect(wrongType.status()).toBe(415);
  });
});
