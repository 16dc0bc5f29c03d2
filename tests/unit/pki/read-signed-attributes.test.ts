import * as asn1js from "asn1js";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createDemoCa, type DemoCa } from "@/lib/pki/demo/create-demo-ca";
import { signCmsDetached } from "@/lib/pki/cms/sign-cms-detached";
import { encodeSignedAttributes, readSignedAttributes } from "@/lib/pki/cms/read-signed-attributes";
import { parseCmsSignedData } from "@/lib/pki/cms/parse-cms-signed-data";
import { buildSignedAttributes, signedAttributesSignedBytes } from "@/lib/pki/cms/signed-attributes";
import { OID } from "@/lib/pki/oids";
import { sm3 } from "@/lib/pki/sm3";
import { PkiError } from "@/lib/pki/errors";
import type { Sm2Signer } from "@/lib/pki/signer";

let demo: DemoCa;
beforeAll(async () => {
  demo = await createDemoCa();
});

/** What the phone's signer is handed by signCmsDetached: the bytes it signs. */
async function capture(digest: Uint8Array, signingTime: Date) {
  const seen: Uint8Array[] = [];
  const inner = demo.signers.root;
  const signer: Sm2Signer = { publicKey: inner.publicKey, sign: async (data) => (seen.push(Uint8Array.from(data)), inner.sign(data)) };
  const { der } = await signCmsDetached({ digest, signer: { certificate: String(demo.files["root.pem"]), signer }, options: { signingTime } });
  return { message: seen[0]!, cms: der };
}

describe("the signed attributes the phone signs, as the server reads them back", () => {
  it("reads exactly what signCmsDetached signs, and its encoding is the CMS's signed attributes", async () => {
    const digest = sm3(new TextEncoder().encode("投标文件"));
    const at = new Date("2026-12-01T10:20:30.456Z");
    const { message, cms } = await capture(digest, at);
    const read = readSignedAttributes(message);
    expect(read.contentType).toBe(OID.cmsData);
    expect(read.messageDigest).toEqual(digest);
    expect(read.signingTime.toISOString()).toBe("2026-12-01T10:20:30.000Z");
    expect(encodeSignedAttributes(read)).toEqual(message);
    // The same bytes sit (as [0]) in the CMS the phone sends at completion.
    expect(new Uint8Array(signedAttributesSignedBytes(parseCmsSignedData(cms).signerInfos[0]!.signedAttrs!))).toEqual(message);
  });

  it("refuses anything but that form: trailing bytes, a [0] tag, an extra attribute, a missing one, a BER length", async () => {
    const { message } = await capture(sm3(new Uint8Array([1])), new Date());
    const refused = (bytes: Uint8Array) => expect(() => readSignedAttributes(bytes)).toThrow(PkiError);
    refused(Uint8Array.of(...message, 0));
    refused(Uint8Array.of(0xa0, ...message.subarray(1)));
    refused(new Uint8Array(0));
    const set = asn1js.fromBER(message.slice().buffer).result as asn1js.Set;
    const items = set.valueBlock.value;
    const extra = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: "1.2.840.113549.1.9.52" }), new asn1js.Set({ value: [new asn1js.Null()] })] });
    refused(new Uint8Array(new asn1js.Set({ value: [...items, extra] }).toBER(false)));
    refused(new Uint8Array(new asn1js.Set({ value: items.slice(0, 2) }).toBER(false)));
    refused(new Uint8Array(new asn1js.Set({ value: [items[1]!, items[0]!, items[2]!] }).toBER(false)));
    // Long-form length for a short SET: BER, not DER.
    refused(Uint8Array.of(0x31, 0x81, message[1]!, ...message.subarray(2)));
  });

  it("answers any bytes with the values or a PkiError, never another error (property: mutations of real attributes and noise)", async () => {
    const { message } = await capture(sm3(new Uint8Array([2])), new Date());
    const onlyPkiErrors = (bytes: Uint8Array) => {
      try {
        readSignedAttributes(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(PkiError);
      }
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(message.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const bytes = Uint8Array.from(message);
        for (const [at, value] of edits) bytes[at] = value;
        onlyPkiErrors(bytes);
      }),
      { numRuns: 2000, seed: 17 },
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => onlyPkiErrors(Uint8Array.of(0x31, ...bytes))), { numRuns: 1000, seed: 4 });
  });

  it("encodes the same bytes pkijs writes for buildSignedAttributes (property: times 1950–2150, digests, content types)", () => {
    const viaPkijs = (v: { contentType: string; messageDigest: Uint8Array; signingTime: Date }) =>
      new Uint8Array(new asn1js.Set({ value: buildSignedAttributes(v).map((a) => a.toSchema()) }).toBER(false));
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2150-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.uint8Array({ minLength: 0, maxLength: 200 }),
        fc.constantFrom(OID.cmsData, OID.cmsSignedData, "1.2.156.10197.6.1.4.2.1", "2.999.1234567"),
        (signingTime, messageDigest, contentType) => {
          const values = { contentType, messageDigest, signingTime };
          expect(encodeSignedAttributes(values)).toEqual(viaPkijs(values));
          expect(readSignedAttributes(encodeSignedAttributes(values)).signingTime.getTime()).toBe(Math.floor(signingTime.getTime() / 1000) * 1000);
        },
      ),
      { numRuns: 500, seed: 2026 },
    );
  });
});
