// The offline root (issue 17, hole 2): the ceremony through the `npm run ca` functions, checked by
// OpenSSL, and the running desk's code paths shown never to reach a root key.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { derToPem } from "@/lib/pki/pem";
import { generateKeyPair } from "@/lib/pki/sm2";
import { encodeSpki } from "@/lib/pki/spki";
import { certificatePublicKey, parseCertificate } from "@/lib/pki/x509/certificate-input";
import { db } from "@/lib/db/client";
import { CA_PROFILE } from "@/lib/server/ca/ca-profile";
import { createCa } from "@/lib/server/ca/create-ca";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { generateCrl } from "@/lib/server/ca/generate-crl";
import { keyCustody } from "@/lib/server/ca/key-custody";
import { pkiUrls } from "@/lib/server/ca/pki-urls";
import { refreshDueCrls } from "@/lib/server/ca/refresh-due-crls";
import { revokeCertificate } from "@/lib/server/certs/revoke-certificate";
import { runCertMaintenance } from "@/lib/server/ca/run-cert-maintenance";
import { createIssuingCa } from "@/lib/server/ca/offline-root/create-issuing-ca";
import { describeCaHierarchy } from "@/lib/server/ca/offline-root/describe-ca-hierarchy";
import { initOfflineRoot } from "@/lib/server/ca/offline-root/init-offline-root";
import { writeRootKeyFile } from "@/lib/server/ca/offline-root/root-key-file";
import { signRootCrl } from "@/lib/server/ca/offline-root/sign-root-crl";
import { expectAppError } from "../support/expect-app-error";
import { DIST_ID, openssl, opensslOk, opensslVerifiesSignature } from "../unit/pki/openssl-helpers";
import { issuedUnit, scratchDir } from "./certs-support";
import { useOwnDatabase } from "./own-database";

await useOwnDatabase("certdesk_offline_root");
const scratch = scratchDir();
afterAll(() => scratch.cleanup());
afterEach(() => setDemo(undefined));

const PASSPHRASE = "correct horse battery staple 根";
const ITERATIONS = 10_000; // the format is tested at 600,000 in the unit tests; the ceremony here needs speed
const DAY = 24 * 3600 * 1000;

function setDemo(value: "0" | "1" | undefined) {
  if (value === undefined) delete process.env.CERTDESK_DEMO;
  else process.env.CERTDESK_DEMO = value;
  resetEnvCache();
}

/** The root's public key as OpenSSL reads it out of the encrypted key file. */
function rootPublicKeyPem(keyFile: string, passphrase = PASSPHRASE): string {
  const out = `${keyFile}.pub.pem`;
  opensslOk(["pkey", "-in", keyFile, "-passin", `pass:${passphrase}`, "-pubout", "-out", out]);
  return out;
}

async function snapshot() {
  const cas = await db.certificateAuthority.findMany({ orderBy: { id: "asc" }, select: { id: true, keyRef: true, wrappedKey: true, crlNumber: true, active: true } });
  const crls = await db.crl.count();
  return { cas, crls };
}

const keyFile = scratch.file("root-key.pem");

describe("offline root ceremony", () => {
  it("outside demo mode, a desk without a root does not create one and names the ceremony commands", async () => {
    setDemo("0");
    const error = await expectAppError(ensureCaHierarchy(), "internal");
    expect(error.message).toContain("npm run ca -- root init --key-out FILE");
    expect(error.message).toContain("npm run ca -- issuing create --root-key FILE");
    expect(await db.certificateAuthority.count()).toBe(0);
  });

  it("root init writes a 0600 key file OpenSSL opens, and a ROOT row with no key in it", async () => {
    const { root, crl } = await initOfflineRoot({ keyOut: keyFile, passphrase: PASSPHRASE, iterations: ITERATIONS });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, "utf8")).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);

    const row = await db.certificateAuthority.findUniqueOrThrow({ where: { id: root.id }, select: { wrappedKey: true, keyRef: true, kind: true } });
    expect(row.kind).toBe("ROOT");
    expect(row.wrappedKey).toBeNull();
    // keyRef = offline:SHA-256(SPKI), reproducible from the file with OpenSSL alone.
    opensslOk(["pkey", "-in", keyFile, "-passin", `pass:${PASSPHRASE}`, "-pubout", "-outform", "DER", "-out", scratch.file("root.spki")]);
    const spkiHash = createHash("sha256").update(readFileSync(scratch.file("root.spki"))).digest("hex");
    expect(row.keyRef).toBe(`offline:${spkiHash}`);
    expect(Buffer.from(encodeSpki(certificatePublicKey(parseCertificate(root.certDer)))).equals(readFileSync(scratch.file("root.spki")))).toBe(true);

    const rootPem = scratch.write("root.pem", derToPem(root.certDer, "CERTIFICATE"));
    expect(opensslVerifiesSignature(scratch.write("root.der", root.certDer), rootPublicKeyPem(keyFile))).toBe(true);
    expect(opensslOk(["x509", "-in", rootPem, "-noout", "-text"])).toContain("CA:TRUE");
    expect(crl.number).toBe(1n);
    expect(crl.nextUpdate.getTime() - crl.thisUpdate.getTime()).toBe(CA_PROFILE.crl.lifetimeMs.ROOT);
    expect(await db.auditLog.count({ where: { action: "ca.root_initialized_offline", targetId: root.id } })).toBe(1);

    // Still no issuing CA, and the desk cannot make one under this root: it says what to run.
    for (const demo of ["0", "1"] as const) {
      setDemo(demo);
      const error = await expectAppError(ensureCaHierarchy(), "internal");
      expect(error.message).toContain("npm run ca -- issuing create --root-key FILE");
    }
    expect(await db.certificateAuthority.count({ where: { kind: "ISSUING" } })).toBe(0);
  });

  it("issuing create, then the desk issues as usual, then root crl: every signature checked by OpenSSL", async () => {
    setDemo("0");
    const hierarchy = await createIssuingCa({ rootKeyFile: keyFile, passphrase: PASSPHRASE });
    const { root, issuing, ocsp } = hierarchy;
    const issuingRow = await db.certificateAuthority.findUniqueOrThrow({ where: { id: issuing.id }, select: { wrappedKey: true, keyRef: true } });
    expect(issuingRow.keyRef).toMatch(/^local:issuing:/);
    expect(issuingRow.wrappedKey).toMatch(/^v2\./); // the issuing CA's key is in the desk's custody
    expect(ocsp.parentId).toBe(issuing.id);
    expect(await ensureCaHierarchy()).toMatchObject({ root: { id: root.id }, issuing: { id: issuing.id }, ocsp: { id: ocsp.id } });

    // The desk issues an end-entity certificate on its own, outside demo mode.
    const { issued, user } = await issuedUnit();
    await revokeCertificate({ certificateId: issued.encrypt.id, reason: "keyCompromise", actorId: user.id });
    const rootCrl = await signRootCrl({ rootKeyFile: keyFile, passphrase: PASSPHRASE });
    expect(rootCrl.number).toBe(3n); // #1 at init, #2 with the issuing CA, #3 now

    const rootPub = rootPublicKeyPem(keyFile);
    const rootPem = scratch.write("chain-root.pem", derToPem(root.certDer, "CERTIFICATE"));
    const issuingPem = scratch.write("chain-issuing.pem", derToPem(issuing.certDer, "CERTIFICATE"));
    const issuingPub = scratch.file("chain-issuing.pub.pem");
    opensslOk(["x509", "-in", issuingPem, "-pubkey", "-noout", "-out", issuingPub]);
    const leafPem = scratch.write("chain-sign.pem", issued.sign.pem);
    const revokedPem = scratch.write("chain-enc.pem", issued.encrypt.pem);
    const rootCrlRow = await db.crl.findFirstOrThrow({ where: { caId: root.id }, orderBy: { number: "desc" } });
    const issuingCrlRow = await db.crl.findFirstOrThrow({ where: { caId: issuing.id }, orderBy: { number: "desc" } });
    const rootCrlFile = scratch.write("root.crl", rootCrlRow.der);
    const issuingCrlFile = scratch.write("issuing.crl", issuingCrlRow.der);

    // OpenSSL 3.0 applies the SM2 distinguishing ID to the leaf only (openssl issue 23471), so
    // `openssl verify -CAfile root -untrusted issuing -crl_check_all` fails every non-leaf SM2
    // signature although it is right. The same chain, link by link: the leaf with `verify`, every
    // other signature with pkeyutl (tests/unit/pki/openssl-helpers.ts), names and keys with -text.
    expect(openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-partial_chain", "-CAfile", issuingPem, leafPem]).stdout.trim()).toBe(`${leafPem}: OK`);
    expect(opensslVerifiesSignature(scratch.write("chain-issuing.der", issuing.certDer), rootPub)).toBe(true);
    expect(opensslVerifiesSignature(scratch.write("chain-root.der", root.certDer), rootPub)).toBe(true);
    expect(opensslVerifiesSignature(rootCrlFile, rootPub)).toBe(true);
    expect(opensslVerifiesSignature(issuingCrlFile, issuingPub)).toBe(true);
    expect(opensslVerifiesSignature(issuingCrlFile, rootPub)).toBe(false);

    const subject = (pem: string) => opensslOk(["x509", "-in", pem, "-noout", "-subject"]).replace(/^subject=/, "").trim();
    const issuer = (pem: string) => opensslOk(["x509", "-in", pem, "-noout", "-issuer"]).replace(/^issuer=/, "").trim();
    expect(issuer(issuingPem)).toBe(subject(rootPem));
    expect(issuer(leafPem)).toBe(subject(issuingPem));
    const rootCrlText = opensslOk(["crl", "-inform", "DER", "-in", rootCrlFile, "-noout", "-text"]);
    expect(rootCrlText).toContain(`Issuer: ${subject(rootPem).replace(/, /g, ", ")}`);
    expect(rootCrlText).toMatch(/X509v3 CRL Number:\s*\n\s*3\b/);
    expect(rootCrlText).toContain("No Revoked Certificates.");
    const issuingText = opensslOk(["x509", "-in", issuingPem, "-noout", "-text"]);
    expect(issuingText).toContain(`URI:${pkiUrls().crl(root.id)}`);
    const rootSki = /Subject Key Identifier:\s*\n\s*([0-9A-F:]+)/.exec(opensslOk(["x509", "-in", rootPem, "-noout", "-text"]))?.[1];
    expect(rootSki).toBeTruthy();
    expect(issuingText).toContain(rootSki!);
    expect(rootCrlText).toContain(rootSki!);
    const issuingCrlText = opensslOk(["crl", "-inform", "DER", "-in", issuingCrlFile, "-noout", "-text"]);
    const revokedSerial = opensslOk(["x509", "-in", revokedPem, "-noout", "-serial"]).replace(/^serial=/, "").trim();
    expect(issuingCrlText).toContain(`Serial Number: ${revokedSerial}`);
    expect(issuingCrlText).toContain("Key Compromise");

    const audits = await db.auditLog.findMany({ where: { action: { in: ["ca.issuing_created_offline", "ca.root_crl_signed_offline"] } }, select: { action: true, data: true } });
    expect(audits.map((a) => a.action).sort()).toEqual(["ca.issuing_created_offline", "ca.root_crl_signed_offline"]);
    expect(JSON.stringify(audits)).not.toContain(PASSPHRASE);
  });

  it("the running desk never signs as the root: no key in the row, refreshDueCrls leaves it alone and warns; it renews the OCSP responder", async () => {
    const { root } = await ensureCaHierarchy();
    const row = await db.certificateAuthority.findUniqueOrThrow({ where: { id: root.id }, select: { wrappedKey: true, keyRef: true, crlNumber: true } });
    expect(row.wrappedKey).toBeNull();
    await expectAppError(keyCustody().signer(row.keyRef), "internal");
    const refused = await expectAppError(generateCrl({ caId: root.id }), "conflict");
    expect(refused.message).toContain("npm run ca -- root crl");
    await expectAppError(db.$transaction((tx) => createCa(tx, { kind: "ISSUING", parent: root, now: new Date() })), "conflict");

    const latest = await db.crl.findFirstOrThrow({ where: { caId: root.id }, orderBy: { number: "desc" } });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      // Fresh: no warning. 70 days on: less than a quarter of 90 days left, due, so a warning.
      await refreshDueCrls();
      expect(warn.mock.calls.flat().join("\n")).not.toContain(root.id);
      const later = new Date(latest.thisUpdate.getTime() + 70 * DAY);
      await refreshDueCrls({ now: later });
      await runCertMaintenance({ now: later });
      expect(warn.mock.calls.flat().join("\n")).toContain(`the offline ROOT CA ${root.id} needs a new CRL by`);
      expect(warn.mock.calls.flat().join("\n")).toContain("npm run ca -- root crl --root-key FILE");
    } finally {
      warn.mockRestore();
    }
    expect((await db.crl.findFirstOrThrow({ where: { caId: root.id }, orderBy: { number: "desc" } })).number).toBe(latest.number);
    expect((await db.certificateAuthority.findUniqueOrThrow({ where: { id: root.id } })).crlNumber).toBe(row.crlNumber);

    // The desk still renews the OCSP responder itself (the issuing CA signs it), outside demo mode too.
    setDemo("0");
    const before = await ensureCaHierarchy();
    await db.certificateAuthority.update({ where: { id: before.ocsp.id }, data: { notAfter: new Date(Date.now() + 10 * DAY) } });
    const renewed = await ensureCaHierarchy();
    expect(renewed.ocsp.id).not.toBe(before.ocsp.id);
    expect(renewed.ocsp.parentId).toBe(before.issuing.id);
    expect(renewed.root.id).toBe(root.id);

    const status = await describeCaHierarchy({ now: new Date(latest.thisUpdate.getTime() + 70 * DAY) });
    expect(status.rootCrl).toMatchObject({ isDueSoon: true, isExpired: false, nextUpdate: latest.nextUpdate });
    expect(status.rootCrl!.dueAt.getTime()).toBe(latest.nextUpdate.getTime() - 0.25 * CA_PROFILE.crl.lifetimeMs.ROOT);
    expect(status.cas.find((ca) => ca.id === root.id)).toMatchObject({ key: "offline", kind: "ROOT" });
  });

  it("a wrong passphrase, another root's key file, a second init and an existing file are refused and change nothing", async () => {
    const before = await snapshot();
    const otherFile = scratch.file("other-root-key.pem");
    const other = generateKeyPair();
    await writeRootKeyFile({ file: otherFile, privateKey: other.privateKey, passphrase: PASSPHRASE, iterations: ITERATIONS });

    const wrong = await expectAppError(signRootCrl({ rootKeyFile: keyFile, passphrase: `${PASSPHRASE}!` }), "forbidden");
    expect(wrong.message).toMatch(/wrong passphrase/);
    await expectAppError(createIssuingCa({ rootKeyFile: keyFile, passphrase: "not it at all" }), "forbidden");
    const foreign = await expectAppError(signRootCrl({ rootKeyFile: otherFile, passphrase: PASSPHRASE }), "forbidden");
    expect(foreign.message).toMatch(/key of another root/);
    await expectAppError(createIssuingCa({ rootKeyFile: otherFile, passphrase: PASSPHRASE }), "forbidden");
    // The real key again, but the root already has its issuing CA.
    await expectAppError(createIssuingCa({ rootKeyFile: keyFile, passphrase: PASSPHRASE }), "conflict");
    const second = await expectAppError(initOfflineRoot({ keyOut: scratch.file("second-root.pem"), passphrase: PASSPHRASE, iterations: ITERATIONS }), "conflict");
    expect(second.message).toMatch(/a root CA already exists/);
    const keyBytes = readFileSync(keyFile);
    const overwrite = await expectAppError(initOfflineRoot({ keyOut: keyFile, passphrase: PASSPHRASE, iterations: ITERATIONS }), "conflict");
    expect(overwrite.message).toMatch(/already exists/);
    await expectAppError(signRootCrl({ rootKeyFile: scratch.file("missing.pem"), passphrase: PASSPHRASE }), "not_found");

    expect(readFileSync(keyFile).equals(keyBytes)).toBe(true);
    expect(() => statSync(scratch.file("second-root.pem"))).toThrow();
    expect(await snapshot()).toEqual(before);
    const refusals = await db.auditLog.findMany({ where: { action: "ca.command_refused" }, select: { data: true } });
    expect(refusals.length).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify(refusals)).not.toContain(PASSPHRASE);
    expect(JSON.stringify(refusals)).toContain("wrong passphrase");
  });

  it("signs root CRLs one after another with increasing numbers when two ceremonies race", async () => {
    const root = await db.certificateAuthority.findFirstOrThrow({ where: { kind: "ROOT", active: true } });
    const crls = await Promise.all(Array.from({ length: 3 }, () => signRootCrl({ rootKeyFile: keyFile, passphrase: PASSPHRASE })));
    const numbers = crls.map((c) => c.number).sort((a, b) => Number(a - b));
    expect(new Set(numbers).size).toBe(3);
    expect(numbers[2] - numbers[0]).toBe(2n);
    expect((await db.certificateAuthority.findUniqueOrThrow({ where: { id: root.id } })).crlNumber).toBe(numbers[2]);
  });
});
