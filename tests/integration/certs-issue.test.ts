import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { derToPem } from "@/lib/pki/pem";
import { encodeSpki } from "@/lib/pki/spki";
import { utf8ToBytes } from "@/lib/pki/encoding";
import { finishDecrypt, startDecrypt, startSign } from "@/lib/pki/two-party";
import { encrypt } from "@/lib/pki/sm2-encrypt";
import { DEMO_ID_NUMBER, DEMO_USCC } from "@/lib/pki/demo/demo-profile";
import { db } from "@/lib/db/client";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { issueCertificates } from "@/lib/server/certs/issue-certificates";
import { runSignHalf } from "@/lib/server/keys/run-sign-half";
import { runDecryptHalf } from "@/lib/server/keys/run-decrypt-half";
import { verifyCertificateStatus } from "@/lib/server/certs/verify-certificate-status";
import { pkiUrls } from "@/lib/server/ca/pki-urls";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { DIST_ID, isVerifiedByPkeyutl, openssl, opensslOk } from "../unit/pki/openssl-helpers";
import { issuedUnit, phoneKeygen, phoneSigner, scratchDir } from "./certs-support";

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

describe("dual certificates for split keys", () => {
  it("issues a signing and an encryption certificate that OpenSSL verifies against the issuing CA", async () => {
    const { issuing } = await ensureCaHierarchy();
    const { user, sign, encrypt, issued } = await issuedUnit();
    const caPem = scratch.write("issuing.pem", derToPem(issuing.certDer, "CERTIFICATE"));
    const signPem = scratch.write("sign.pem", issued.sign.pem);
    const encPem = scratch.write("enc.pem", issued.encrypt.pem);
    for (const leaf of [signPem, encPem]) {
      const result = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-partial_chain", "-CAfile", caPem, leaf]);
      expect(result.stdout.trim()).toBe(`${leaf}: OK`);
    }

    const urls = pkiUrls();
    const signText = opensslOk(["x509", "-in", signPem, "-noout", "-text", "-nameopt", "oneline,-esc_msb"]);
    expect(signText).toContain(`Subject: C = CN, O = 测试投标单位有限公司, CN = 测试投标单位有限公司, serialNumber = ${DEMO_USCC}`);
    expect(signText).toContain("Digital Signature, Non Repudiation");
    expect(signText).toContain("TLS Web Client Authentication");
    expect(signText).toContain(`URI:${urls.crl(issuing.id)}`);
    expect(signText).toContain(`OCSP - URI:${urls.ocsp()}`);
    expect(signText).toContain(`CA Issuers - URI:${urls.caCertificate(issuing.id)}`);
    expect(signText).toContain("SM2-with-SM3");
    const encText = opensslOk(["x509", "-in", encPem, "-noout", "-text"]);
    expect(encText).toContain("Key Encipherment, Data Encipherment, Key Agreement");

    // The certified keys are the joint keys, and the rows link everything.
    const pubOf = (pem: string) => opensslOk(["x509", "-in", pem, "-noout", "-pubkey"]);
    expect(pubOf(signPem)).toBe(derToPem(encodeSpki(sign.publicKey), "PUBLIC KEY"));
    expect(pubOf(encPem)).toBe(derToPem(encodeSpki(encrypt.publicKey), "PUBLIC KEY"));
    const rows = await db.certificate.findMany({ where: { userId: user.id }, orderBy: { usage: "asc" } });
    expect(rows.map((r) => [r.usage, r.status, r.keyShareId])).toEqual([
      ["SIGN", "VALID", sign.keyShareId],
      ["ENCRYPT", "VALID", encrypt.keyShareId],
    ]);
    const fingerprint = opensslOk(["x509", "-in", signPem, "-noout", "-fingerprint", "-sha256"]);
    expect(fingerprint.split("=")[1].trim().replace(/:/g, "").toLowerCase()).toBe(rows[0].fingerprint);
    const audits = await db.auditLog.count({ where: { action: "certificate.issued", targetId: { in: rows.map((r) => r.id) } } });
    expect(audits).toBe(2);

    const status = await verifyCertificateStatus({ certificate: issued.sign.pem });
    expect(status).toMatchObject({ valid: true, status: "good", certificateId: issued.sign.id });
  });

  it("signs with the split key through the server half; OpenSSL verifies with the certificate's key", async () => {
    const { user, sign, issued } = await issuedUnit();
    const signPem = scratch.write("sign2.pem", issued.sign.pem);
    const message = utf8ToBytes("投标文件摘要 bid document");
    const signature = await phoneSigner(user.id, sign).sign(message);
    const pub = scratch.write("sign2.pub.pem", opensslOk(["x509", "-in", signPem, "-noout", "-pubkey"]));
    expect(isVerifiedByPkeyutl(pub, scratch.write("msg.bin", message), scratch.write("msg.sig", signature))).toBe(true);
  });

  it("decrypts what OpenSSL encrypted to the encryption certificate, jointly", async () => {
    const { user, encrypt, issued } = await issuedUnit();
    const encPem = scratch.write("enc3.pem", issued.encrypt.pem);
    const plain = scratch.write("plain.txt", "开标时间 2026-12-01 09:30");
    const ct = scratch.file("plain.ct");
    opensslOk(["pkeyutl", "-encrypt", "-certin", "-inkey", encPem, "-in", plain, "-out", ct]);
    const started = startDecrypt({ keyId: encrypt.keyShareId, d1: encrypt.d1, ciphertext: new Uint8Array(readFileSync(ct)) });
    const response = await runDecryptHalf({ userId: user.id, keyShareId: encrypt.keyShareId, request: started.request, route: "test" });
    expect(new TextDecoder().decode(finishDecrypt({ ...started, response }))).toBe("开标时间 2026-12-01 09:30");
  });

  it("issues an individual's pair under the person's kept subject identifier: the same on the next pair, nothing from the ID number", async () => {
    const user = await createUser();
    const pair = async () => {
      const a = await phoneKeygen(user.id);
      const b = await phoneKeygen(user.id);
      return issueCertificates({
        userId: user.id,
        keyShares: { sign: a.keyShareId, encrypt: b.keyShareId },
        subject: { type: "INDIVIDUAL", name: "张三", idNumber: DEMO_ID_NUMBER },
        years: 1,
      });
    };
    const subjectOf = (pem: string, name: string) =>
      opensslOk(["x509", "-in", scratch.write(name, pem), "-noout", "-subject", "-nameopt", "oneline,-esc_msb"]);
    const first = await pair();
    const text = subjectOf(first.sign.pem, "person.pem");
    const serialNumber = /CN = 张三, serialNumber = ([0-9A-F]+)$/m.exec(text)?.[1];
    expect(serialNumber).toMatch(/^[0-9A-F]{32}$/);
    // Neither the number nor the unsalted SM3 the desk used before (recoverable by enumeration).
    const sm3 = opensslOk(["dgst", "-sm3", "-r"], { input: new TextEncoder().encode(DEMO_ID_NUMBER) }).split(" ")[0].toUpperCase();
    expect(text).not.toContain(DEMO_ID_NUMBER);
    expect(text).not.toContain(sm3);
    expect(subjectOf(first.encrypt.pem, "person-enc.pem")).toContain(`serialNumber = ${serialNumber}`);
    // A renewal's pair (another issuance for the same person) carries the same value.
    const second = await pair();
    expect(subjectOf(second.sign.pem, "person2.pem")).toContain(`serialNumber = ${serialNumber}`);
    expect(first.sign.personSubjectId).toBe(second.sign.personSubjectId);
    expect(first.sign.subjectType).toBe("INDIVIDUAL");
  });
});

describe("the server half refuses", () => {
  it("a share whose key has no valid certificate (a keygen never finished): gone", async () => {
    const user = await createUser();
    const key = await phoneKeygen(user.id);
    const { request } = startSign({ keyId: key.keyShareId, message: utf8ToBytes("x"), publicKey: key.publicKey });
    await expectAppError(runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" }), "gone", "errors.certificateNotValid");
  });

  it("a replayed sign request (same nonce)", async () => {
    const { user, sign: key } = await issuedUnit();
    const { request } = startSign({ keyId: key.keyShareId, message: utf8ToBytes("once"), publicKey: key.publicKey });
    await runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" });
    await expectAppError(runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" }), "conflict", "replayed");
  });

  it("a replayed sign request sent twice at the same moment: exactly one is answered", async () => {
    const { user, sign: key } = await issuedUnit();
    const { request } = startSign({ keyId: key.keyShareId, message: utf8ToBytes("race"), publicKey: key.publicKey });
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("another user's key share, as NOT_FOUND", async () => {
    const owner = await createUser();
    const other = await createUser();
    const key = await phoneKeygen(owner.id);
    const { request } = startSign({ keyId: key.keyShareId, message: utf8ToBytes("x"), publicKey: key.publicKey });
    await expectAppError(runSignHalf({ userId: other.id, keyShareId: key.keyShareId, request, route: "test" }), "not_found");
    const ciphertext = encrypt(key.publicKey, utf8ToBytes("secret"));
    const started = startDecrypt({ keyId: key.keyShareId, d1: key.d1, ciphertext }).request;
    await expectAppError(runDecryptHalf({ userId: other.id, keyShareId: key.keyShareId, request: started, route: "test" }), "not_found");
    await expectAppError(
      issueCertificates({ userId: other.id, keyShares: { sign: key.keyShareId, encrypt: (await phoneKeygen(other.id)).keyShareId }, subject: { type: "UNIT", orgName: "X", uscc: DEMO_USCC }, years: 1 }),
      "not_found",
    );
  });

  it("a request whose keyId names another share, a locked share, and an off-curve point", async () => {
    const { user, sign: key, encrypt: second } = await issuedUnit();
    const wrongKeyId = startSign({ keyId: second.keyShareId, message: utf8ToBytes("x"), publicKey: key.publicKey }).request;
    await expectAppError(runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request: wrongKeyId, route: "test" }), "validation_failed");
    const offCurve = { ...startSign({ keyId: key.keyShareId, message: utf8ToBytes("x"), publicKey: key.publicKey }).request, Q1: `04${"11".repeat(64)}` };
    await expectAppError(runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request: offCurve, route: "test" }), "validation_failed");
    await db.keyShare.update({ where: { id: key.keyShareId }, data: { status: "LOCKED" } });
    const fresh = startSign({ keyId: key.keyShareId, message: utf8ToBytes("x"), publicKey: key.publicKey }).request;
    await expectAppError(runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request: fresh, route: "test" }), "locked");
  });
});
