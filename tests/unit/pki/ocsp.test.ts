import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair } from "@/lib/pki/sm2";
import { localSigner } from "@/lib/pki/signer";
import { buildRootCaCertificate } from "@/lib/pki/x509/build-root-ca-certificate";
import { buildEndEntityCertificate } from "@/lib/pki/x509/build-end-entity-certificate";
import { buildOcspRequest } from "@/lib/pki/ocsp/build-ocsp-request";
import { buildOcspResponse } from "@/lib/pki/ocsp/build-ocsp-response";
import { buildOcspErrorResponse } from "@/lib/pki/ocsp/build-ocsp-error-response";
import { parseOcspRequest, parseOcspRequestFromGetPath } from "@/lib/pki/ocsp/parse-ocsp-request";
import { parseOcspResponse } from "@/lib/pki/ocsp/parse-ocsp-response";
import { checkOcspResponse } from "@/lib/pki/verify/check-ocsp-response";
import { DEMO_URLS, DEMO_USCC } from "@/lib/pki/demo/demo-profile";
import { writeDemoCa, type DemoFixture } from "./demo-fixture";
import { extractBasicOcspResponse, extractSignedParts, flipByte, isVerifiedByPkeyutl, openssl, opensslOk, opensslVerifiesSignature } from "./openssl-helpers";

let fx: DemoFixture;
const pem = (name: string) => readFileSync(fx.file(name), "utf8");
const bytes = (name: string) => new Uint8Array(readFileSync(fx.file(name)));
const respText = (name: string) => opensslOk(["ocsp", "-respin", fx.file(name), "-resp_text", "-noverify"]);
/** OpenSSL exits non-zero on error statuses, after printing them. */
const errorText = (name: string) => {
  const out = openssl(["ocsp", "-respin", fx.file(name), "-resp_text", "-noverify"]);
  return out.stdout + out.stderr;
};
const nonceHex = (text: string) => /OCSP Nonce:\s*\n\s*([0-9A-F]+)/.exec(text)?.[1];

beforeAll(async () => {
  fx = await writeDemoCa();
});
afterAll(() => fx.cleanup());

describe("OCSP responses checked by OpenSSL", () => {
  it("answers good for sign.pem, echoing the request nonce and embedding the responder", () => {
    const out = respText("ocsp-good.der");
    expect(out).toContain("OCSP Response Status: successful (0x0)");
    expect(out).toContain("Cert Status: good");
    expect(out).toContain("Next Update:");
    expect(out).toContain("Subject: C=CN, O=CertDesk Demo, CN=CertDesk Demo OCSP Responder");
    expect(out).toMatch(/Responder Id: [0-9A-F]{40}\n/);
    const requestNonce = nonceHex(opensslOk(["ocsp", "-reqin", fx.file("ocsp-good-request.der"), "-req_text"]));
    expect(requestNonce).toMatch(/^0410[0-9A-F]{32}$/);
    expect(nonceHex(out)).toBe(requestNonce);
  });

  it("answers revoked for revoked.pem with time and reason", () => {
    const out = respText("ocsp-revoked.der");
    expect(out).toContain("Cert Status: revoked");
    expect(out).toContain("Revocation Reason: keyCompromise (0x1)");
    expect(out).toContain("Revocation Time:");
  });

  it("lets OpenSSL match the nonce and the CertID of its own request", () => {
    const out = openssl(["ocsp", "-reqin", fx.file("ocsp-good-request.der"), "-respin", fx.file("ocsp-good.der"), "-issuer", fx.file("ca.pem"), "-cert", fx.file("sign.pem"), "-noverify"]);
    expect(out.stderr).not.toMatch(/nonce/i);
    expect(out.stdout).toContain(`${fx.file("sign.pem")}: good`);
  });

  it("signs the BasicOCSPResponse with the delegated responder key (asn1parse + pkeyutl)", () => {
    const basic = extractBasicOcspResponse(fx.file("ocsp-good.der"));
    expect(opensslVerifiesSignature(basic, fx.file("ocsp.pub.pem"))).toBe(true);
    expect(opensslVerifiesSignature(basic, fx.file("ca.pub.pem"))).toBe(false);
    const { tbs, sig } = extractSignedParts(basic);
    expect(isVerifiedByPkeyutl(fx.file("ocsp.pub.pem"), flipByte(tbs), sig)).toBe(false);
    expect(opensslVerifiesSignature(extractBasicOcspResponse(fx.file("ocsp-revoked.der")), fx.file("ocsp.pub.pem"))).toBe(true);
  });

  it.each([
    ["SHA-1 without nonce", ["-no_nonce"]],
    ["SHA-256 with nonce", ["-sha256"]],
    ["SM3 with nonce", ["-sm3"]],
  ])("answers a request OpenSSL made (%s)", async (label, flags) => {
    const reqFile = fx.file(`openssl-req-${flags[0].slice(1)}.der`);
    opensslOk(["ocsp", "-issuer", fx.file("ca.pem"), ...flags, "-cert", fx.file("sign.pem"), "-reqout", reqFile]);
    const response = await buildOcspResponse({
      request: new Uint8Array(readFileSync(reqFile)),
      issuers: [pem("ca.pem")],
      lookup: () => ({ status: "good" }),
      responder: { certificate: pem("ca.pem"), signer: fx.demo.signers.ca },
    });
    const respFile = fx.file(`openssl-resp-${flags[0].slice(1)}.der`);
    writeFileSync(respFile, response);
    // The digest flag again, so OpenSSL computes the same kind of CertID to look its answer up by.
    const out = openssl(["ocsp", "-reqin", reqFile, "-respin", respFile, "-issuer", fx.file("ca.pem"), ...flags, "-cert", fx.file("sign.pem"), "-noverify"]);
    expect(out.stdout, `${label}: ${out.stderr}`).toContain(`${fx.file("sign.pem")}: good`);
    expect(out.stderr).not.toMatch(/nonce/i);
    // Signed by the CA itself this time: OpenSSL checks that signature too.
    expect(opensslVerifiesSignature(extractBasicOcspResponse(respFile), fx.file("ca.pub.pem"))).toBe(true);
  });

  it("answers malformed and foreign requests with unsigned error statuses", async () => {
    const responder = { certificate: pem("ocsp.pem"), signer: fx.demo.signers.responder };
    const malformed = await buildOcspResponse({ request: new Uint8Array([0x30, 0x03, 0x02, 0x01]), issuers: [pem("ca.pem")], lookup: () => ({ status: "good" }), responder });
    writeFileSync(fx.file("malformed.der"), malformed);
    expect(errorText("malformed.der")).toContain("Responder Error: malformedrequest (1)");

    const aboutCa = buildOcspRequest({ certificate: pem("ca.pem"), issuer: pem("root.pem") });
    const unauthorized = await buildOcspResponse({ request: aboutCa.der, issuers: [pem("ca.pem")], lookup: () => ({ status: "good" }), responder });
    writeFileSync(fx.file("unauthorized.der"), unauthorized);
    expect(errorText("unauthorized.der")).toContain("Responder Error: unauthorized (6)");

    writeFileSync(fx.file("try-later.der"), buildOcspErrorResponse("tryLater"));
    expect(errorText("try-later.der")).toContain("Responder Error: trylater (3)");
  });
});

describe("OCSP requests", () => {
  it("parses POST and GET forms to the same CertID and nonce", () => {
    const der = bytes("ocsp-good-request.der");
    const post = parseOcspRequest(der);
    const b64 = Buffer.from(der).toString("base64");
    const get = parseOcspRequestFromGetPath(`/${encodeURIComponent(b64)}`);
    expect(get.ids).toEqual(post.ids);
    expect(get.nonce).toEqual(post.nonce);
    expect(post.ids[0].hashAlgorithm).toBe("SHA-1");
    const serial = opensslOk(["x509", "-in", fx.file("sign.pem"), "-noout", "-serial"]).trim().replace("serial=", "").toLowerCase();
    expect(post.ids[0].serialHex).toBe(serial);
  });

  it("builds requests OpenSSL reads", () => {
    const request = buildOcspRequest({ certificate: pem("sign.pem"), issuer: pem("ca.pem"), options: { hashAlgorithm: "SM3", nonce: true } });
    writeFileSync(fx.file("ours-req.der"), request.der);
    const text = opensslOk(["ocsp", "-reqin", fx.file("ours-req.der"), "-req_text"]);
    expect(text).toContain("Hash Algorithm: sm3");
    expect(nonceHex(text)).toBe(`0410${Buffer.from(request.nonce!).toString("hex").toUpperCase()}`);
  });
});

describe("checkOcspResponse", () => {
  it("accepts the good and revoked answers, with nonces", async () => {
    const goodNonce = parseOcspRequest(bytes("ocsp-good-request.der")).nonce;
    const good = await checkOcspResponse(bytes("ocsp-good.der"), pem("sign.pem"), pem("ca.pem"), goodNonce);
    expect(good).toMatchObject({ status: "good", reasons: [] });
    const revokedNonce = parseOcspRequest(bytes("ocsp-revoked-request.der")).nonce;
    const revoked = await checkOcspResponse(bytes("ocsp-revoked.der"), pem("revoked.pem"), pem("ca.pem"), revokedNonce);
    expect(revoked).toMatchObject({ status: "revoked", reason: "keyCompromise", reasons: ["revoked"] });
    expect(parseOcspResponse(bytes("ocsp-revoked.der")).responses[0].status).toBe("revoked");
  });

  it("rejects a wrong nonce, another certificate, a tampered or stale response", async () => {
    const wrongNonce = await checkOcspResponse(bytes("ocsp-good.der"), pem("sign.pem"), pem("ca.pem"), new Uint8Array(16));
    expect(wrongNonce).toMatchObject({ status: "unknown", reasons: ["nonce_mismatch"] });
    const otherCert = await checkOcspResponse(bytes("ocsp-good.der"), pem("enc.pem"), pem("ca.pem"));
    expect(otherCert.reasons).toEqual(["ocsp_no_matching_response"]);
    const tampered = bytes("ocsp-good.der");
    // A digit of producedAt (the first GeneralizedTime, tag 0x18 length 15): signed, still valid DER.
    const producedAt = Buffer.from(tampered).indexOf(Buffer.from([0x18, 0x0f])) + 2 + 12;
    tampered[producedAt] ^= 0x01;
    expect((await checkOcspResponse(tampered, pem("sign.pem"), pem("ca.pem"))).reasons).toEqual(["signature_invalid"]);
    const stale = await checkOcspResponse(bytes("ocsp-good.der"), pem("sign.pem"), pem("ca.pem"), undefined, { at: new Date(Date.now() + 2 * 3600 * 1000) });
    expect(stale.reasons).toEqual(["ocsp_stale"]);
  });

  it("rejects a responder the CA did not delegate OCSP signing to", async () => {
    const signer = localSigner(generateKeyPair().privateKey);
    const validity = { notBefore: new Date(Date.now() - 1000), notAfter: new Date(Date.now() + 864e5) };
    const root = await buildRootCaCertificate({ subject: { organizationName: "T", commonName: "T Root" }, validity }, { signer });
    const leafKey = generateKeyPair();
    const leaf = await buildEndEntityCertificate(
      { subject: { type: "unit", organizationName: "T", uscc: DEMO_USCC }, usage: "signing", publicKey: leafKey.publicKey, validity, urls: DEMO_URLS.issuing },
      { certificate: root.der, signer },
    );
    // The leaf answers for itself: its certificate lacks id-kp-OCSPSigning.
    const request = buildOcspRequest({ certificate: leaf.der, issuer: root.der });
    const response = await buildOcspResponse({ request: request.der, issuers: [root.der], lookup: () => ({ status: "good" }), responder: { certificate: leaf.der, signer: localSigner(leafKey.privateKey) } });
    const result = await checkOcspResponse(response, leaf.der, root.der);
    expect(result).toMatchObject({ status: "unknown", reasons: ["ocsp_responder_unauthorized"] });
  });
});
