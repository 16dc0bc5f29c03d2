import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { derToPem } from "@/lib/pki/pem";
import { db } from "@/lib/db/client";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { runCertMaintenance } from "@/lib/server/ca/run-cert-maintenance";
import { scheduleCertMaintenance, CERT_MAINTENANCE_JOB } from "@/lib/server/ca/schedule-cert-maintenance";
import { pkiUrls } from "@/lib/server/ca/pki-urls";
import { DIST_ID, openssl, opensslOk, opensslVerifiesSignature, publicKeyOf } from "../unit/pki/openssl-helpers";

const dir = mkdtempSync(path.join(tmpdir(), "certdesk-certs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, data: Uint8Array | string) => {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
};

describe("CA hierarchy", () => {
  it("is created once even when several instances start at the same time", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => ensureCaHierarchy()));
    const ids = new Set(results.map((h) => `${h.root.id}/${h.issuing.id}/${h.ocsp.id}`));
    expect(ids.size).toBe(1);
    expect(await db.certificateAuthority.count({ where: { kind: "ROOT" } })).toBe(1);
    expect(await db.certificateAuthority.count({ where: { kind: "ISSUING" } })).toBe(1);
    expect(await db.certificateAuthority.count({ where: { kind: "OCSP", active: true } })).toBe(1);
    // And again, later: the fast path finds it.
    const again = await ensureCaHierarchy();
    expect(again.root.id).toBe(results[0].root.id);
  });

  it("stores CA keys sealed, never in the clear", async () => {
    const { root } = await ensureCaHierarchy();
    const row = await db.certificateAuthority.findUniqueOrThrow({ where: { id: root.id }, select: { wrappedKey: true, keyRef: true } });
    expect(row.keyRef).toMatch(/^local:root:/);
    expect(row.wrappedKey).toMatch(/^v2\.k[0-9a-f]{12}\./);
  });

  it("builds a chain OpenSSL accepts: root → issuing CA → delegated OCSP responder", async () => {
    const { root, issuing, ocsp } = await ensureCaHierarchy();
    const rootPem = write("root.pem", derToPem(root.certDer, "CERTIFICATE"));
    const issuingPem = write("issuing.pem", derToPem(issuing.certDer, "CERTIFICATE"));
    const ocspPem = write("ocsp.pem", derToPem(ocsp.certDer, "CERTIFICATE"));

    // The root's self-signature (the distid option reaches only the leaf, so use pkeyutl).
    expect(opensslVerifiesSignature(write("root.der", root.certDer), publicKeyOf(rootPem))).toBe(true);
    const verifyIssuing = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-CAfile", rootPem, issuingPem]);
    expect(verifyIssuing.stdout).toContain(": OK");
    const verifyOcsp = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-partial_chain", "-CAfile", issuingPem, "-purpose", "ocsphelper", ocspPem]);
    expect(verifyOcsp.stdout).toContain(": OK");

    const urls = pkiUrls();
    const issuingText = opensslOk(["x509", "-in", issuingPem, "-noout", "-text"]);
    expect(issuingText).toContain("CA:TRUE, pathlen:0");
    expect(issuingText).toContain(`URI:${urls.crl(root.id)}`);
    expect(issuingText).toContain(`CA Issuers - URI:${urls.caCertificate(root.id)}`);
    expect(issuingText).toContain("Certificate Sign, CRL Sign");
    const ocspText = opensslOk(["x509", "-in", ocspPem, "-noout", "-text"]);
    expect(ocspText).toContain("OCSP Signing");
    expect(ocspText).toContain("OCSP No Check");
    expect(ocspText).toContain("Subject: C = CN, O = CertDesk, CN = CertDesk OCSP Responder");
  });

  it("publishes a first CRL for the root and the issuing CA, signed by each", async () => {
    const { root, issuing } = await ensureCaHierarchy();
    for (const ca of [root, issuing]) {
      const crl = await db.crl.findFirstOrThrow({ where: { caId: ca.id }, orderBy: { number: "asc" } });
      expect(crl.number).toBe(1n);
      const crlFile = write(`first-${ca.kind}.crl`, crl.der);
      const caPem = write(`ca-${ca.kind}.pem`, derToPem(ca.certDer, "CERTIFICATE"));
      expect(opensslOk(["crl", "-inform", "DER", "-in", crlFile, "-noout", "-text"])).toContain("X509v3 CRL Number:");
      expect(opensslVerifiesSignature(crlFile, publicKeyOf(caPem))).toBe(true);
    }
  });

  it("renews the OCSP responder before it expires and keeps one maintenance job queued", async () => {
    const before = await ensureCaHierarchy();
    // Pretend the responder certificate ends in five days (it is replaced once fewer than ten are left).
    await db.certificateAuthority.update({ where: { id: before.ocsp.id }, data: { notAfter: new Date(Date.now() + 5 * 24 * 3600 * 1000) } });
    const renewed = await ensureCaHierarchy();
    expect(renewed.ocsp.id).not.toBe(before.ocsp.id);
    expect(renewed.issuing.id).toBe(before.issuing.id);
    expect((await db.certificateAuthority.findUniqueOrThrow({ where: { id: before.ocsp.id } })).active).toBe(false);
    expect(await db.certificateAuthority.count({ where: { kind: "OCSP", active: true } })).toBe(1);

    await scheduleCertMaintenance();
    await scheduleCertMaintenance();
    expect(await db.job.count({ where: { type: CERT_MAINTENANCE_JOB, status: "PENDING" } })).toBe(1);
  });

  it("maintenance publishes CRLs that are due and re-queues itself", async () => {
    const { issuing } = await ensureCaHierarchy();
    const latest = () => db.crl.findFirstOrThrow({ where: { caId: issuing.id }, orderBy: { number: "desc" } });
    await runCertMaintenance();
    const fresh = await latest();
    await runCertMaintenance();
    expect((await latest()).number).toBe(fresh.number); // nothing due
    // Four hours before nextUpdate: less than a quarter of the 24 h lifetime left.
    await db.crl.update({ where: { id: fresh.id }, data: { nextUpdate: new Date(Date.now() + 4 * 3600 * 1000) } });
    await runCertMaintenance();
    const next = await latest();
    expect(next.number).toBeGreaterThan(fresh.number);
    expect(next.nextUpdate.getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    expect(await db.job.count({ where: { type: CERT_MAINTENANCE_JOB, status: "PENDING" } })).toBeGreaterThanOrEqual(1);
  });
});
