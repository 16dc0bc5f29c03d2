import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { signCmsDetached } from "@/lib/pki/cms/sign-cms-detached";
import { splitKeySigner } from "@/lib/pki/demo/in-process-two-party";
import { hexToBytes } from "@/lib/pki/encoding";
import { pemToDer } from "@/lib/pki/pem";
import { verifyCmsDetached } from "@/lib/pki/verify/verify-cms-detached";
import { normalizePdfForSigning } from "@/lib/pdf/sign/normalize-pdf-for-signing";
import { preparePdfSealSignature } from "@/lib/pdf/sign/prepare-pdf-seal-signature";
import { embedPdfSignature } from "@/lib/pdf/sign/embed-pdf-signature";
import { readPdfSignatures } from "@/lib/pdf/sign/read-pdf-signatures";
import { byteRangeBytes, fixByteRange } from "@/lib/pdf/sign/pdf-byte-range";
import { lastStartXref } from "@/lib/pdf/sign/pdf-incremental-update";
import { writeDemoCa, type DemoFixture } from "../pki/demo-fixture";
import { DIST_ID, extractCmsSignedAttributes, isVerifiedByPkeyutl, openssl, opensslOk, publicKeyOf } from "../pki/openssl-helpers";

let fx: DemoFixture;
let bid: Uint8Array;
let seal: Uint8Array;

/** A red ring on a transparent square, like a processed seal. */
async function sealPng(size = 240) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><circle cx="${size / 2}" cy="${size / 2}" r="${size / 2 - 12}" fill="none" stroke="#e60012" stroke-width="18"/><circle cx="${size / 2}" cy="${size / 2}" r="${size / 6}" fill="#e60012"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

async function samplePdf(pages = 2) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) doc.addPage([595.28, 841.89]).drawText(`Bid document page ${n}`, { x: 72, y: 760, size: 18, font });
  // pdf-lib's default save uses object and xref streams: normalizing rewrites it with a classic table.
  return normalizePdfForSigning(await doc.save());
}

async function signDigest(digestHex: string) {
  const cert = pemToDer(String(fx.demo.files["sign.pem"]));
  return (await signCmsDetached({ digest: hexToBytes(digestHex), signer: { certificate: cert, signer: splitKeySigner(fx.demo.shares.sign) } })).der;
}

async function signOnce(pdf: Uint8Array, placement: { page: number; x: number; y: number; acrossEdges?: boolean }, fieldName: string) {
  const prepared = await preparePdfSealSignature({ pdf, sealPng: seal, sealWidthMm: 40, placement, fieldName, signerName: "CertDesk test", reason: "bid" });
  return { prepared, signed: embedPdfSignature({ pdf: prepared.pdf, byteRange: prepared.byteRange, cms: await signDigest(prepared.digestHex) }) };
}

/** Pixels of page `page` rendered by poppler at 72 dpi (1 px = 1 pt). */
async function render(pdf: Uint8Array, page: number) {
  const file = fx.file(`render-${page}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync("pdftoppm", ["-png", "-r", "72", "-f", String(page + 1), "-l", String(page + 1), "-singlefile", file, fx.file(`render-${page}`)]);
  expect(run.status, String(run.stderr)).toBe(0);
  return sharp(readFileSync(fx.file(`render-${page}.png`))).raw().toBuffer({ resolveWithObject: true });
}

function isRed(img: { data: Buffer; info: { width: number; channels: number } }, x: number, y: number) {
  const i = (Math.round(y) * img.info.width + Math.round(x)) * img.info.channels;
  const [r, g, b] = [img.data[i], img.data[i + 1], img.data[i + 2]];
  return r > 180 && g < 90 && b < 90;
}

/** OpenSSL as the oracle: messageDigest = dgst -sm3 of the /ByteRange bytes, the signed attributes verify under the signer's key. */
function opensslChecks(pdf: Uint8Array, sig: Awaited<ReturnType<typeof readPdfSignatures>>[number], name: string) {
  writeFileSync(fx.file(`${name}.p7s`), sig.cms);
  writeFileSync(fx.file(`${name}.bin`), byteRangeBytes(pdf, sig.byteRange!));
  const digest = opensslOk(["dgst", "-sm3", "-r", fx.file(`${name}.bin`)]).split(" ")[0];
  const attrs = extractCmsSignedAttributes(fx.file(`${name}.p7s`));
  return { digestMatches: attrs.messageDigestHex === digest, signatureVerifies: isVerifiedByPkeyutl(publicKeyOf(fx.file("sign.pem")), attrs.tbs, attrs.sig) };
}

beforeAll(async () => {
  fx = await writeDemoCa();
  bid = await samplePdf();
  seal = await sealPng();
});
afterAll(() => fx.cleanup());

describe("one seal signature", () => {
  it("fills /ByteRange to cover the whole file except the /Contents string", async () => {
    const { prepared } = await signOnce(bid, { page: 0, x: 0.7, y: 0.8 }, "公章");
    const [a, b, c, d] = prepared.byteRange;
    expect(a).toBe(0);
    expect(c + d).toBe(prepared.pdf.length);
    expect(String.fromCharCode(prepared.pdf[b])).toBe("<");
    expect(String.fromCharCode(prepared.pdf[c - 1])).toBe(">");
    // The original bytes are kept: the signature is an incremental update.
    expect(Buffer.from(prepared.pdf.subarray(0, bid.length)).equals(Buffer.from(bid))).toBe(true);
    expect(lastStartXref(prepared.pdf)).toBeGreaterThan(bid.length);
  });

  it("is read back, checked by OpenSSL over the /ByteRange bytes, and shows the seal where it was placed", async () => {
    const { signed, prepared } = await signOnce(bid, { page: 1, x: 0.25, y: 0.3 }, "公章");
    const [sig] = await readPdfSignatures(signed);
    expect(sig.problems).toEqual([]);
    expect(sig.coversWholeFile).toBe(true);
    expect(sig.page).toBe(1);
    expect(sig.fieldName).toBe("公章");
    expect(sig.subFilter).toBe("adbe.pkcs7.detached");
    expect(opensslChecks(signed, sig, "one")).toEqual({ digestMatches: true, signatureVerifies: true });
    const check = await verifyCmsDetached({ p7s: sig.cms, data: sig.signedBytes!, trustedRoots: [String(fx.demo.files["root.pem"])], intermediates: [String(fx.demo.files["ca.pem"])] });
    expect(check.reasons).toEqual([]);
    // The signer's chain, by OpenSSL (leaf against the issuing CA, issuing CA against the root).
    expect(openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-partial_chain", "-CAfile", fx.file("ca.pem"), fx.file("sign.pem")]).status).toBe(0);
    expect(openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-CAfile", fx.file("root.pem"), fx.file("ca.pem")]).status).toBe(0);
    // Poppler renders the seal at the chosen spot (centre 25 % from the left, 30 % from the top) and nowhere on page 1.
    const page = await render(signed, 1);
    const [x1, y1, x2, y2] = prepared.rect;
    const ringX = x1 + 8;
    expect(isRed(page, (x1 + x2) / 2, page.info.height - (y1 + y2) / 2)).toBe(true);
    expect(isRed(page, ringX, page.info.height - (y1 + y2) / 2)).toBe(true);
    expect(Math.abs((x1 + x2) / 2 - 0.25 * 595.28)).toBeLessThan(1);
    expect(Math.abs(page.info.height - (y1 + y2) / 2 - 0.3 * 841.89)).toBeLessThan(1);
    expect(isRed(page, 500, 100)).toBe(false);
    const first = await render(signed, 0);
    expect(isRed(first, (x1 + x2) / 2, first.info.height - (y1 + y2) / 2)).toBe(false);
    // poppler's own signature parser sees one signature field.
    writeFileSync(fx.file("one.pdf"), signed);
    expect(spawnSync("pdfsig", [fx.file("one.pdf")], { encoding: "utf8" }).stdout).toMatch(/Signature #1/);
  });

  it("a byte changed in the signed range is a digest mismatch", async () => {
    const { signed } = await signOnce(bid, { page: 0, x: 0.5, y: 0.5 }, "公章");
    const tampered = Uint8Array.from(signed);
    // 595.28 → 595.29 in a page's /MediaBox, inside the signed range.
    const at = Buffer.from(tampered).indexOf("595.28") + 5;
    expect(at).toBeGreaterThan(5);
    tampered[at] = 0x39;
    const [sig] = await readPdfSignatures(tampered);
    expect(sig.problems).toEqual([]);
    const check = await verifyCmsDetached({ p7s: sig.cms, data: sig.signedBytes!, trustedRoots: [String(fx.demo.files["root.pem"])], intermediates: [String(fx.demo.files["ca.pem"])] });
    expect(check.reasons).toEqual(["digest_mismatch"]);
    expect(opensslChecks(tampered, sig, "tampered").digestMatches).toBe(false);
  });

  it("refuses a CMS larger than /Contents and a PDF without a placeholder", async () => {
    const prepared = await preparePdfSealSignature({ pdf: bid, sealPng: seal, sealWidthMm: 40, placement: { page: 0, x: 0.5, y: 0.5 }, fieldName: "a", signerName: "t", reason: "bid" });
    expect(() => embedPdfSignature({ pdf: prepared.pdf, byteRange: prepared.byteRange, cms: new Uint8Array(9000) })).toThrow(/does not fit/);
    // A /Contents moved away from where /ByteRange says is refused.
    expect(() => embedPdfSignature({ pdf: prepared.pdf, byteRange: [0, prepared.byteRange[1] + 1, prepared.byteRange[2], prepared.byteRange[3]], cms: new Uint8Array(10) })).toThrow(/not where/);
    expect(() => fixByteRange(bid)).toThrow(/found 0/);
  });
});

describe("a second seal", () => {
  it("adds a second signature as an incremental update; the first still verifies, and each covers its own revision", async () => {
    const one = await signOnce(bid, { page: 0, x: 0.7, y: 0.85 }, "公章");
    const two = await signOnce(one.signed, { page: 0, x: 0.3, y: 0.85 }, "法人章");
    expect(Buffer.from(two.signed.subarray(0, one.signed.length)).equals(Buffer.from(one.signed))).toBe(true);
    const sigs = await readPdfSignatures(two.signed);
    expect(sigs.map((s) => s.fieldName)).toEqual(["公章", "法人章"]);
    expect(sigs.map((s) => s.problems)).toEqual([[], []]);
    expect(sigs[0].revisionEnd).toBe(one.signed.length);
    expect(sigs[0].coversWholeFile).toBe(false);
    expect(sigs[1].coversWholeFile).toBe(true);
    expect(opensslChecks(two.signed, sigs[0], "first")).toEqual({ digestMatches: true, signatureVerifies: true });
    expect(opensslChecks(two.signed, sigs[1], "second")).toEqual({ digestMatches: true, signatureVerifies: true });
    // Both seals render on page 1.
    const page = await render(two.signed, 0);
    for (const { prepared } of [one, two]) {
      const [x1, y1, x2, y2] = prepared.rect;
      expect(isRed(page, (x1 + x2) / 2, page.info.height - (y1 + y2) / 2)).toBe(true);
    }
    writeFileSync(fx.file("two.pdf"), two.signed);
    const pdfsig = spawnSync("pdfsig", [fx.file("two.pdf")], { encoding: "utf8" }).stdout;
    expect(pdfsig).toMatch(/Signature #2/);

    // A byte changed in the second revision breaks the second signature only.
    const tampered = Uint8Array.from(two.signed);
    const at = one.signed.length + 20;
    tampered[at] = tampered[at] === 0x20 ? 0x0a : 0x20;
    const after = await readPdfSignatures(tampered);
    expect(opensslChecks(tampered, after[0], "first-t").digestMatches).toBe(true);
    expect(opensslChecks(tampered, after[1], "second-t").digestMatches).toBe(false);
  });
});

describe("骑缝章 (a seal across the page edges)", () => {
  it("puts slice i of the seal on the right edge of page i, one signature over the document, checked by OpenSSL", async () => {
    const pages = 3;
    const doc = await samplePdf(pages);
    // An asymmetric seal (a block in the left part of the ring), so that slices in the wrong order show.
    const asymmetric = new Uint8Array(await sharp(seal).composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect x="40" y="60" width="50" height="40" fill="#e60012"/></svg>') }]).png().toBuffer());
    const prepared = await preparePdfSealSignature({ pdf: doc, sealPng: asymmetric, sealWidthMm: 40, placement: { page: 0, x: 0, y: 0.4, acrossEdges: true }, fieldName: "骑缝章", signerName: "CertDesk test", reason: "bid" });
    const signed = embedPdfSignature({ pdf: prepared.pdf, byteRange: prepared.byteRange, cms: await signDigest(prepared.digestHex) });
    const sigs = await readPdfSignatures(signed);
    expect(sigs).toHaveLength(1);
    expect(sigs[0].problems).toEqual([]);
    expect(sigs[0].coversWholeFile).toBe(true);
    expect(opensslChecks(signed, sigs[0], "across")).toEqual({ digestMatches: true, signatureVerifies: true });
    // The widget is over page 1's slice, at the right edge.
    const [, wy1, wx2, wy2] = prepared.rect;
    expect(wx2).toBeCloseTo(595.28, 1);

    // Rendered by poppler at 1 px = 1 pt: every page has red ink only in a strip at its right edge, around y = 40 %.
    const width = Math.round(40 * (72 / 25.4)); // the seal's printed width (40 mm) in pt
    const strip = Math.ceil(width / pages) + 1;
    const strips: Buffer[] = [];
    for (let p = 0; p < pages; p++) {
      const img = await render(signed, p);
      let red = 0, outside = 0, minY = Infinity, maxY = -Infinity;
      for (let y = 0; y < img.info.height; y++) {
        for (let x = 0; x < img.info.width; x++) {
          if (!isRed(img, x, y)) continue;
          red++;
          if (x < img.info.width - strip) outside++;
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
      console.log(`骑缝章 page ${p + 1}: ${red} red px, ${outside} outside the ${strip} pt edge strip, rows ${minY}–${maxY}`);
      expect(red, `page ${p + 1}`).toBeGreaterThan(100);
      expect(outside, `page ${p + 1}`).toBe(0);
      expect(Math.abs((minY + maxY) / 2 - 0.4 * img.info.height)).toBeLessThan(3);
      expect(Math.abs(img.info.height - (wy1 + wy2) / 2 - 0.4 * img.info.height)).toBeLessThan(1);
      // The page's right strip, as the red mask (1 red, 0 not), rows of the seal.
      const top = Math.round(0.4 * img.info.height - width / 2);
      const cols = Math.round(width / pages);
      const mask = Buffer.alloc(cols * width);
      for (let y = 0; y < width; y++) for (let x = 0; x < cols; x++) mask[y * cols + x] = isRed(img, img.info.width - cols + x, top + y) ? 1 : 0;
      strips.push(mask);
    }
    // Side by side, the strips are the seal again: compare with the seal picture rendered at the same size.
    const cols = Math.round(width / pages);
    const whole = await sharp(asymmetric).resize(width, width).flatten({ background: "#ffffff" }).raw().toBuffer();
    let agree = 0, mirrored = 0, total = 0;
    const redAt = (x: number, y: number) => {
      const i = (y * width + Math.min(width - 1, x)) * 3;
      return whole[i]! > 180 && whole[i + 1]! < 90 && whole[i + 2]! < 90 ? 1 : 0;
    };
    for (let y = 0; y < width; y++) {
      for (let x = 0; x < cols * pages; x++) {
        const fromPages = strips[Math.floor(x / cols)]![y * cols + (x % cols)]!;
        if (fromPages === redAt(x, y)) agree++;
        if (fromPages === redAt(cols * pages - 1 - x, y)) mirrored++;
        total++;
      }
    }
    console.log(`骑缝章 reassembled from the ${pages} page edges: ${((100 * agree) / total).toFixed(1)} % of pixels agree with the seal (${((100 * mirrored) / total).toFixed(1)} % with its mirror image)`);
    expect(agree / total).toBeGreaterThan(0.94);
    expect(mirrored / total).toBeLessThan(agree / total - 0.03);
  });

  it("refuses a one-page document", async () => {
    await expect(preparePdfSealSignature({ pdf: await samplePdf(1), sealPng: seal, sealWidthMm: 40, placement: { page: 0, x: 0, y: 0.5, acrossEdges: true }, fieldName: "a", signerName: "t", reason: "bid" })).rejects.toThrow(/at least two pages/);
  });
});
