import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derToPem } from "@/lib/pki/pem";
import { createDemoCa } from "@/lib/pki/demo/create-demo-ca";
import { parseOcspResponse } from "@/lib/pki/ocsp/parse-ocsp-response";
import { certificateToDer } from "@/lib/pki/x509/certificate-input";
import { checkOcspResponse } from "@/lib/pki/verify/check-ocsp-response";
import { db } from "@/lib/db/client";
import { ensureCaHierarchy, type CaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { respondOcsp } from "@/lib/server/ca/ocsp-respond";
import { revokeCertificate } from "@/lib/server/certs/revoke-certificate";
import { getLatestCrl } from "@/lib/server/ca/get-latest-crl";
import { markExpiredCertificates } from "@/lib/server/certs/mark-expired-certificates";
import { verifyCertificateStatus } from "@/lib/server/certs/verify-certificate-status";
import { expectAppError } from "../support/expect-app-error";
import { extractBasicOcspResponse, openssl, opensslOk, opensslVerifiesSignature, publicKeyOf } from "../unit/pki/openssl-helpers";
import { issuedUnit, scratchDir } from "./certs-support";

const scratch = scratchDir();
let hierarchy: CaHierarchy;
let caPem: string;
let n = 0;

beforeAll(async () => {
  hierarchy = await ensureCaHierarchy();
  caPem = scratch.write("issuing.pem", derToPem(hierarchy.issuing.certDer, "CERTIFICATE"));
});
afterAll(() => scratch.cleanup());

/** An OCSP request made by OpenSSL for `certPem` (with a nonce unless told otherwise). */
function opensslRequest(certPem: string, flags: string[] = []): Uint8Array {
  const out = scratch.file(`req-${++n}.der`);
  opensslOk(["ocsp", "-issuer", caPem, "-cert", certPem, ...flags, "-reqout", out]);
  return new Uint8Array(readFileSync(out));
}

async function ask(request: Uint8Array) {
  const answer = await respondOcsp({ request: { der: request } });
  const file = scratch.write(`resp-${++n}.der`, answer.der);
  const text = openssl(["ocsp", "-respin", file, "-resp_text", "-noverify"]);
  return { ...answer, file, text: text.stdout + text.stderr };
}

const nonceOf = (text: string) => /OCSP Nonce:\s*\n\s*([0-9A-F]+)/.exec(text)?.[1];

describe("OCSP responder", () => {
  it("answers good for a fresh certificate, echoes the nonce, and is signed by the delegated responder", async () => {
    const { issued } = await issuedUnit();
    const certPem = scratch.write("good.pem", issued.sign.pem);
    const request = opensslRequest(certPem);
    const answer = await ask(request);
    expect(answer.source).toBe("signed");
    expect(answer.text).toContain("OCSP Response Status: successful (0x0)");
    expect(answer.text).toContain("Cert Status: good");
    const requestNonce = nonceOf(opensslOk(["ocsp", "-reqin", scratch.write(`req-${n}.der`, request), "-req_text"]));
    expect(requestNonce).toBeDefined();
    expect(nonceOf(answer.text)).toBe(requestNonce);
    // OpenSSL matches CertID and nonce against its own request.
    const matched = openssl(["ocsp", "-reqin", scratch.file(`req-${n}.der`), "-respin", answer.file, "-issuer", caPem, "-cert", certPem, "-noverify"]);
    expect(matched.stdout).toContain(`${certPem}: good`);
    expect(matched.stderr).not.toMatch(/nonce/i);

    // The responder certificate travels in the response; the issuing CA signed it for OCSPSigning.
    const [embedded] = parseOcspResponse(answer.der).certificates;
    const responderPem = scratch.write("responder.pem", derToPem(certificateToDer(embedded), "CERTIFICATE"));
    expect(openssl(["verify", "-vfyopt", "distid:1234567812345678", "-partial_chain", "-CAfile", caPem, "-purpose", "ocsphelper", responderPem]).stdout).toContain(": OK");
    const basic = extractBasicOcspResponse(answer.file);
    expect(opensslVerifiesSignature(basic, publicKeyOf(responderPem))).toBe(true);
    const check = await checkOcspResponse(answer.der, issued.sign.der, hierarchy.issuing.certDer);
    expect(check.status).toBe("good");
  });

  it("serves a cached answer to requests without a nonce, and replaces it after revocation", async () => {
    const { issued, user } = await issuedUnit();
    const certPem = scratch.write("cached.pem", issued.sign.pem);
    const request = opensslRequest(certPem, ["-no_nonce"]);
    const first = await ask(request);
    const second = await ask(request);
    expect(first.source).toBe("signed");
    expect(second.source).toBe("cache");
    expect(Buffer.from(second.der).equals(Buffer.from(first.der))).toBe(true);
    expect(second.text).toContain("Cert Status: good");
    expect(second.nextUpdate!.getTime() - second.thisUpdate!.getTime()).toBe(6 * 3600 * 1000);

    await revokeCertificate({ certificateId: issued.sign.id, reason: "keyCompromise", actorId: user.id });
    expect(await db.ocspCache.count({ where: { certificateId: issued.sign.id } })).toBe(0);
    const afterRevocation = await ask(request);
    expect(afterRevocation.source).toBe("signed");
    expect(afterRevocation.text).toContain("Cert Status: revoked");
    expect(afterRevocation.text).toContain("Revocation Reason: keyCompromise (0x1)");
    expect((await ask(request)).source).toBe("cache");
  });

  it("answers revoked with time and reason to a request with a nonce", async () => {
    const { issued } = await issuedUnit();
    const { certificate } = await revokeCertificate({ certificateId: issued.encrypt.id, reason: "superseded", actorId: null });
    const answer = await ask(opensslRequest(scratch.write("revoked.pem", issued.encrypt.pem)));
    expect(answer.text).toContain("Cert Status: revoked");
    expect(answer.text).toContain("Revocation Reason: superseded (0x4)");
    const time = /Revocation Time: (.+)/.exec(answer.text)?.[1];
    expect(new Date(time!).getTime()).toBe(certificate.revokedAt!.getTime());
    const check = await checkOcspResponse(answer.der, issued.encrypt.der, hierarchy.issuing.certDer);
    expect(check).toMatchObject({ status: "revoked", reason: "superseded" });
  });

  it("answers unknown for a serial this CA never issued, and good for its own responder certificate", async () => {
    const unknownReq = scratch.file("unknown-req.der");
    opensslOk(["ocsp", "-issuer", caPem, "-serial", "0x7e57", "-reqout", unknownReq]);
    const unknown = await ask(new Uint8Array(readFileSync(unknownReq)));
    expect(unknown.text).toContain("Cert Status: unknown");

    const responderPem = scratch.write("responder-self.pem", derToPem(hierarchy.ocsp.certDer, "CERTIFICATE"));
    expect((await ask(opensslRequest(responderPem))).text).toContain("Cert Status: good");
  });

  it("refuses requests about other CAs (unauthorized) and garbage (malformedRequest)", async () => {
    const demo = await createDemoCa();
    const foreignCa = scratch.write("foreign-ca.pem", demo.files["ca.pem"] as string);
    const foreignLeaf = scratch.write("foreign-leaf.pem", demo.files["sign.pem"] as string);
    const req = scratch.file("foreign-req.der");
    opensslOk(["ocsp", "-issuer", foreignCa, "-cert", foreignLeaf, "-reqout", req]);
    const foreign = await ask(new Uint8Array(readFileSync(req)));
    expect(foreign.source).toBe("error");
    expect(foreign.text).toContain("unauthorized (6)");
    const garbage = await ask(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]));
    expect(garbage.text).toContain("malformedrequest (1)");
  });

  it("accepts the GET form (base64 of the DER in the path)", async () => {
    const { issued } = await issuedUnit();
    const request = opensslRequest(scratch.write("get.pem", issued.sign.pem), ["-no_nonce"]);
    const encoded = encodeURIComponent(Buffer.from(request).toString("base64"));
    const answer = await respondOcsp({ request: { getPath: encoded } });
    const file = scratch.write("get-resp.der", answer.der);
    expect(opensslOk(["ocsp", "-respin", file, "-resp_text", "-noverify"])).toContain("Cert Status: good");
  });
});

describe("revocation and CRLs", () => {
  it("publishes a new CRL listing the serial with its reason; the CRL number increments", async () => {
    const { issued, user } = await issuedUnit();
    const before = await getLatestCrl({ caId: hierarchy.issuing.id });
    const { crl } = await revokeCertificate({ certificateId: issued.sign.id, reason: "keyCompromise", actorId: user.id });
    expect(crl.number).toBeGreaterThan(before.number);
    const stored = await db.crl.findUniqueOrThrow({ where: { id: crl.id } });
    const crlFile = scratch.write(`crl-${crl.number}.crl`, stored.der);
    const text = opensslOk(["crl", "-inform", "DER", "-in", crlFile, "-noout", "-text"]);
    expect(text).toContain(`X509v3 CRL Number: \n                ${crl.number}`);
    const entry = text.split("Serial Number: ").find((s) => s.toLowerCase().startsWith(issued.sign.serialHex));
    expect(entry).toBeDefined();
    expect(entry).toContain("Key Compromise");
    expect(opensslVerifiesSignature(crlFile, publicKeyOf(caPem))).toBe(true);

    const audit = await db.auditLog.findFirst({ where: { action: "certificate.revoked", targetId: issued.sign.id } });
    expect(audit?.actorId).toBe(user.id);
    const status = await verifyCertificateStatus({ certificate: issued.sign.der });
    expect(status).toMatchObject({ valid: false, status: "revoked", reason: "keyCompromise" });
    await expectAppError(revokeCertificate({ certificateId: issued.sign.id, reason: "superseded", actorId: user.id }), "conflict");
    await expectAppError(revokeCertificate({ certificateId: "nope", reason: "superseded", actorId: user.id }), "not_found");
  });

  it("marks certificates past notAfter as EXPIRED, with an audit row", async () => {
    const { issued } = await issuedUnit();
    await db.certificate.update({ where: { id: issued.sign.id }, data: { notAfter: new Date(Date.now() - 1000) } });
    expect(await markExpiredCertificates()).toBeGreaterThanOrEqual(1);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: issued.sign.id } })).status).toBe("EXPIRED");
    expect((await db.certificate.findUniqueOrThrow({ where: { id: issued.encrypt.id } })).status).toBe("VALID");
    expect(await db.auditLog.count({ where: { action: "certificate.expired", targetId: issued.sign.id } })).toBe(1);
  });
});
