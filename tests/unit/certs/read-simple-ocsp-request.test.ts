import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOcspRequest } from "@/lib/pki/ocsp/parse-ocsp-request";
import { buildOcspRequest } from "@/lib/pki/ocsp/build-ocsp-request";
import { readSimpleOcspRequest } from "@/lib/server/ca/read-simple-ocsp-request";
import { writeDemoCa, type DemoFixture } from "../pki/demo-fixture";
import { opensslOk } from "../pki/openssl-helpers";

// The OCSP responder's fast path must read exactly what the full parser reads, and must decline
// every request that is not the plain RFC 5019 shape (which then takes the full path).
let fx: DemoFixture;
beforeAll(async () => {
  fx = await writeDemoCa();
});
afterAll(() => fx.cleanup());

function opensslRequest(name: string, flags: string[]): Uint8Array {
  const out = fx.file(`${name}.der`);
  opensslOk(["ocsp", "-issuer", fx.file("ca.pem"), ...flags, "-cert", fx.file("sign.pem"), "-reqout", out]);
  return new Uint8Array(readFileSync(out));
}

describe("readSimpleOcspRequest", () => {
  it("reads OpenSSL's SHA-1 request without a nonce exactly as pkijs does", () => {
    const der = opensslRequest("plain", ["-no_nonce"]);
    const [full] = parseOcspRequest(der).ids;
    expect(readSimpleOcspRequest(der)).toEqual({
      issuerNameHashHex: full.issuerNameHashHex,
      issuerKeyHashHex: full.issuerKeyHashHex,
      serialHex: full.serialHex,
    });
  });

  it("reads our own builder's request (NULL hash parameters) the same way", () => {
    const der = buildOcspRequest({ certificate: readFileSync(fx.file("sign.pem"), "utf8"), issuer: readFileSync(fx.file("ca.pem"), "utf8") }).der;
    expect(readSimpleOcspRequest(der)?.serialHex).toBe(parseOcspRequest(der).ids[0].serialHex);
  });

  it.each([
    ["a nonce", ["-sha1"]],
    ["a SHA-256 CertID", ["-sha256", "-no_nonce"]],
    ["an SM3 CertID", ["-sm3", "-no_nonce"]],
  ])("declines a request with %s", (_label, flags) => {
    expect(readSimpleOcspRequest(opensslRequest(`other-${flags.join("")}`, flags))).toBeUndefined();
  });

  it("declines two certificates in one request, and garbage", () => {
    const out = fx.file("two.der");
    opensslOk(["ocsp", "-issuer", fx.file("ca.pem"), "-cert", fx.file("sign.pem"), "-cert", fx.file("enc.pem"), "-no_nonce", "-reqout", out]);
    expect(readSimpleOcspRequest(new Uint8Array(readFileSync(out)))).toBeUndefined();
    expect(readSimpleOcspRequest(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toBeUndefined();
    const plain = opensslRequest("trailing", ["-no_nonce"]);
    expect(readSimpleOcspRequest(Uint8Array.from([...plain, 0]))).toBeUndefined();
  });
});
