// Using seals (issue 14, part 2): the seal chosen on a SIGN scan is bound to the request and
// returned to the platform with its picture and SES_Seal; the PDF verifier checks a seal signature
// made through the real scan path. PostgreSQL, the desk's CA, the two-party key of a real download.
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { PDFDocument } from "pdf-lib";
import { finishSign, startSign } from "@/lib/pki/two-party";
import { signCmsDetached } from "@/lib/pki/cms/sign-cms-detached";
import { hexToBytes } from "@/lib/pki/encoding";
import { verifySesSeal } from "@/lib/pki/ses-seal";
import { readCertificatePublicKey } from "@/lib/pki/x509/certificate-public-key";
import { unwrapShare } from "@/lib/phone/wrap-share";
import { db } from "@/lib/db/client";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { createScanRequest } from "@/lib/server/scan/create-scan-request";
import { ZCreateScanRequestSchema } from "@/lib/server/scan/scan.types";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";
import { signForScan } from "@/lib/server/scan/sign-for-scan";
import { completePhoneScan } from "@/lib/server/scan/complete-phone-scan";
import { getPlatformScanRequest } from "@/lib/server/scan/get-platform-scan-request";
import { signSealStructure } from "@/lib/server/seals/sign-seal-structure";
import { listCertificateSealsForPlatform } from "@/lib/server/seals/seal-for-platform";
import { verifySignedPdf } from "@/lib/server/seals/verify-signed-pdf";
import { loadIssuingCa } from "@/lib/server/ca/load-issuing-ca";
import { normalizePdfForSigning } from "@/lib/pdf/sign/normalize-pdf-for-signing";
import { preparePdfSealSignature } from "@/lib/pdf/sign/prepare-pdf-seal-signature";
import { embedPdfSignature } from "@/lib/pdf/sign/embed-pdf-signature";
import { POST as verifyRoute } from "@/app/api/v1/pdf/verify/route";
import { createPlatform } from "../support/platform-fixtures";
import { expectDocumented } from "../support/openapi-contract";
import { expectAppError } from "../support/expect-app-error";
import { PIN, holderWithCertificates } from "./scan-phone-support";

type Holder = Awaited<ReturnType<typeof holderWithCertificates>>;
const tokenOf = (qrContent: string) => qrContent.split("/m/s/")[1]!;

async function sealPng() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect x="10" y="10" width="180" height="180" fill="none" stroke="#d0101a" stroke-width="14"/><circle cx="100" cy="100" r="40" fill="#d0101a"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** An APPROVED personal seal of `holder` bound to their signing certificate, with a CA-signed SES_Seal. */
async function approvedSeal(holder: Holder, name = "个人印章") {
  const processedKey = `seals/test/${holder.user.id}-${Math.random().toString(36).slice(2)}.png`;
  await getFileStorage().put(processedKey, await sealPng(), "image/png");
  const cert = await db.certificate.findUniqueOrThrow({ where: { id: holder.sign.cert.id }, select: { der: true, notAfter: true } });
  const signed = await signSealStructure({ seal: { name, orgId: null, processedKey, widthMm: 20, heightMm: 20 }, certificate: cert });
  return db.seal.create({
    data: { userId: holder.user.id, name, kind: "PERSONAL", source: "GENERATED", status: "APPROVED", certificateId: holder.sign.cert.id, processedKey, widthMm: 20, heightMm: 20, esId: signed.esId, sesDer: signed.sesDer, validFrom: signed.validFrom, validTo: signed.validTo },
  });
}

async function scanned(holder: Holder, platformId: string, body: Record<string, unknown>) {
  const created = await createScanRequest({ platformId, input: ZCreateScanRequestSchema.parse({ type: "sign", title: "投标文件", ...body }) });
  const opened = await openScanForPhone({ userId: holder.user.id, token: tokenOf(created.qrContent) });
  return { created, opened };
}

/** The phone's CMS over `digestHex` for request `id`, naming `sealId` with the server half. */
async function signWithSeal(holder: Holder, id: string, digestHex: string, sealId?: string) {
  const { sign, user } = holder;
  // signCmsDetached wraps a signer's failure; the server's own refusal is what the test asserts.
  let refusal: unknown;
  const { der } = await signCmsDetached({
    digest: hexToBytes(digestHex),
    signer: {
      certificate: sign.cert.der,
      signer: {
        publicKey: sign.publicKey,
        async sign(message: Uint8Array) {
          const { e, k1, request } = startSign({ keyId: sign.keyShareId, message, publicKey: sign.publicKey });
          const out = await signForScan({ userId: user.id, id, input: { certificateId: sign.cert.id, pin: PIN, request, signedAttributes: Buffer.from(message).toString("base64"), sealId } }).catch((err: unknown) => {
            refusal = err;
            throw err;
          });
          const d1 = await unwrapShare({ wrapped: sign.wrapped, wrapKey: out.wrapKey!, keyShareId: sign.keyShareId });
          return finishSign({ d1, k1, e, publicKey: sign.publicKey, request, response: out.response });
        },
      },
    },
  }).catch((err: unknown) => {
    throw refusal ?? err;
  });
  return Buffer.from(der).toString("base64");
}

const DIGEST = "ab".repeat(32);

describe("a seal on a SIGN scan", () => {
  it("the platform names the seal: the phone is offered that one only, a signature without it or with another is refused, and the platform gets picture + SES_Seal", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const seal = await approvedSeal(holder, "个人印章");
    const other = await approvedSeal(holder, "另一枚印章");
    const { created, opened } = await scanned(holder, platform.id, { digest: DIGEST, sealId: seal.id });
    expect(opened.withSeal).toBe(true);
    expect(opened.sealRequired).toBe(true);
    expect(opened.seals.map((s) => s.id)).toEqual([seal.id]);

    await expectAppError(signWithSeal(holder, created.id, DIGEST), "validation_failed", "scanner.errors.sealRequired");
    await expectAppError(signWithSeal(holder, created.id, DIGEST, other.id), "validation_failed", "scanner.errors.sealNotPlatforms");
    const cms = await signWithSeal(holder, created.id, DIGEST, seal.id);
    // Completion must name the seal bound to the half.
    await expectAppError(completePhoneScan({ userId: holder.user.id, id: created.id, input: { certificateId: holder.sign.cert.id, result: { cms } } }), "validation_failed", "scanner.errors.sealMismatch");
    await completePhoneScan({ userId: holder.user.id, id: created.id, input: { certificateId: holder.sign.cert.id, result: { cms, sealId: seal.id } } });

    const view = await getPlatformScanRequest({ platformId: platform.id, id: created.id });
    const result = view.result as { sealId: string; seal: { id: string; picture: string; sesSeal: string; esId: string } };
    expect(result.sealId).toBe(seal.id);
    expect(Buffer.from(result.seal.picture, "base64").subarray(1, 4).toString()).toBe("PNG");
    const issuing = await loadIssuingCa();
    const check = verifySesSeal(new Uint8Array(Buffer.from(result.seal.sesSeal, "base64")), { makerPublicKey: readCertificatePublicKey(issuing.ca.certDer) });
    expect(check.ok).toBe(true);
    if (check.ok) expect(Buffer.from(check.seal.info.certs[0]!).equals(Buffer.from(holder.sign.cert.der))).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "scan.sign", targetId: created.id } });
    expect((audit.data as { sealId?: string }).sealId).toBe(seal.id);

    // Listed to this platform (the holder completed a scan with it), not to a platform they never met.
    expect((await listCertificateSealsForPlatform({ platformId: platform.id, serial: holder.sign.cert.serialHex })).map((s) => s.id).sort()).toEqual([seal.id, other.id].sort());
    const stranger = await createPlatform();
    expect(await listCertificateSealsForPlatform({ platformId: stranger.platform.id, serial: holder.sign.cert.serialHex })).toEqual([]);
  });

  it("withSeal offers the holder's seals and allows none; someone else's seal or a seal where none was asked is refused", async () => {
    const holder = await holderWithCertificates();
    const stranger = await holderWithCertificates();
    const { platform } = await createPlatform();
    const mine = await approvedSeal(holder);
    const theirs = await approvedSeal(stranger);

    const optional = await scanned(holder, platform.id, { digest: DIGEST, withSeal: true });
    expect(optional.opened.sealRequired).toBe(false);
    expect(optional.opened.seals.map((s) => s.id)).toEqual([mine.id]);
    await expectAppError(signWithSeal(holder, optional.created.id, DIGEST, theirs.id), "not_found", "scanner.errors.noSeal");
    const cms = await signWithSeal(holder, optional.created.id, DIGEST);
    await completePhoneScan({ userId: holder.user.id, id: optional.created.id, input: { certificateId: holder.sign.cert.id, result: { cms } } });
    expect((await getPlatformScanRequest({ platformId: platform.id, id: optional.created.id })).result).toMatchObject({ sealId: null, seal: null });

    const plain = await scanned(holder, platform.id, { digest: DIGEST });
    expect(plain.opened.withSeal).toBe(false);
    expect(plain.opened.seals).toEqual([]);
    await expectAppError(signWithSeal(holder, plain.created.id, DIGEST, mine.id), "bad_request", "scanner.errors.sealNotAsked");

    // A seal that is no longer APPROVED (voided) cannot be chosen.
    await db.seal.update({ where: { id: mine.id }, data: { status: "VOIDED" } });
    const required = await scanned(holder, platform.id, { digest: DIGEST, sealRequired: true });
    expect(required.opened.seals).toEqual([]);
    await expectAppError(signWithSeal(holder, required.created.id, DIGEST, mine.id), "not_found", "scanner.errors.noSeal");
  });
});

describe("verifySignedPdf", () => {
  it("a seal signature made by scan is valid; a changed byte is modified; a revoked signer is revoked; a seal of another certificate is invalid", async () => {
    const holder = await holderWithCertificates();
    const { platform } = await createPlatform();
    const seal = await approvedSeal(holder);
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]);
    const pdf = await normalizePdfForSigning(await doc.save());
    const sealRow = await db.seal.findUniqueOrThrow({ where: { id: seal.id } });
    const prepared = await preparePdfSealSignature({ pdf, sealPng: await sealPng(), sealWidthMm: 20, sesSeal: sealRow.sesDer!, placement: { page: 0, x: 0.5, y: 0.5 }, fieldName: "个人印章", signerName: "test", reason: "bid" });
    const { created } = await scanned(holder, platform.id, { digest: prepared.digestHex, sealId: seal.id });
    const cms = await signWithSeal(holder, created.id, prepared.digestHex, seal.id);
    await completePhoneScan({ userId: holder.user.id, id: created.id, input: { certificateId: holder.sign.cert.id, result: { cms, sealId: seal.id } } });
    const signed = embedPdfSignature({ pdf: prepared.pdf, byteRange: prepared.byteRange, cms: new Uint8Array(Buffer.from(cms, "base64")) });

    const ok = await verifySignedPdf({ pdf: signed });
    expect(ok.count).toBe(1);
    expect(ok.signatures[0]).toMatchObject({ valid: true, reasons: [], revocation: { status: "good" }, chain: { valid: true }, seal: { valid: true, isBoundToSigner: true, esId: sealRow.esId }, document: { isUnchanged: true, coversWholeFile: true } });
    expect(ok.signatures[0]!.signer?.serial).toBe(holder.sign.cert.serialHex);

    // The platform API (POST /api/v1/pdf/verify, the raw PDF) answers the same report, as documented; it needs
    // the platform's credentials and a PDF body.
    const { authorization } = await createPlatform();
    const post = (headers: Record<string, string>, body: Uint8Array) => verifyRoute(new Request("http://desk.test/api/v1/pdf/verify", { method: "POST", headers, body: Buffer.from(body) }), { params: Promise.resolve({} as never) });
    const res = await post({ authorization, "content-type": "application/pdf" }, signed);
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expectDocumented("POST", "/pdf/verify", res.status, body);
    expect(body).toEqual(JSON.parse(JSON.stringify(ok)));
    expect((await post({ "content-type": "application/pdf" }, signed)).status).toBe(401);
    expect((await post({ authorization, "content-type": "text/plain" }, signed)).status).toBe(415);

    const tampered = Uint8Array.from(signed);
    const at = Buffer.from(tampered).indexOf("595.28") + 5;
    tampered[at] = 0x39;
    const bad = await verifySignedPdf({ pdf: tampered });
    expect(bad.valid).toBe(false);
    expect(bad.signatures[0]!.reasons).toContain("modified");
    expect(bad.signatures[0]!.document.isUnchanged).toBe(false);

    await expectAppError(verifySignedPdf({ pdf: new TextEncoder().encode("not a pdf") }), "validation_failed", "sealsUse.verify.notPdf");

    // The same PDF carrying another holder's seal structure: the seal is not bound to the signer.
    const stranger = await holderWithCertificates();
    const theirs = await db.seal.findUniqueOrThrow({ where: { id: (await approvedSeal(stranger)).id } });
    const foreign = await preparePdfSealSignature({ pdf, sealPng: await sealPng(), sealWidthMm: 20, sesSeal: theirs.sesDer!, placement: { page: 0, x: 0.5, y: 0.5 }, fieldName: "x", signerName: "test", reason: "bid" });
    const plain = await scanned(holder, platform.id, { digest: foreign.digestHex });
    const cms2 = await signWithSeal(holder, plain.created.id, foreign.digestHex);
    await completePhoneScan({ userId: holder.user.id, id: plain.created.id, input: { certificateId: holder.sign.cert.id, result: { cms: cms2 } } });
    const foreignSigned = embedPdfSignature({ pdf: foreign.pdf, byteRange: foreign.byteRange, cms: new Uint8Array(Buffer.from(cms2, "base64")) });
    const mismatch = await verifySignedPdf({ pdf: foreignSigned });
    expect(mismatch.signatures[0]).toMatchObject({ valid: false, seal: { valid: false, reason: "not_bound_to_signer" }, document: { isUnchanged: true } });

    await db.certificate.update({ where: { id: holder.sign.cert.id }, data: { status: "REVOKED", revokedAt: new Date(), revocationReason: 1 } });
    const revoked = await verifySignedPdf({ pdf: signed });
    expect(revoked.signatures[0]).toMatchObject({ valid: false, revocation: { status: "revoked" } });
    expect(revoked.signatures[0]!.reasons).toContain("revoked");
  });
});
