// The electronic seal structure in the shape of GB/T 38540-2020 (version 4) SESeal:
//
//   SESeal ::= SEQUENCE {
//     eSealInfo   SES_SealInfo,
//     cert        OCTET STRING,          -- the seal maker's certificate (DER)
//     signAlgID   OBJECT IDENTIFIER,     -- SM2-with-SM3 1.2.156.10197.1.501
//     signedValue BIT STRING }           -- DER SM2 signature over the DER of eSealInfo
//   SES_SealInfo ::= SEQUENCE { header SES_Header, esID IA5String, property SES_ESPropertyInfo,
//                               picture SES_ESPictrueInfo }
//   SES_Header ::= SEQUENCE { ID IA5String ("ES"), version INTEGER (4), vid IA5String }
//   SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER (1),
//                                     certList SEQUENCE OF OCTET STRING (certificates, DER),
//                                     createDate, validStart, validEnd GeneralizedTime }
//   SES_ESPictrueInfo ::= SEQUENCE { type IA5String ("PNG"), data OCTET STRING, width INTEGER, height INTEGER }
//
// Pure (no database): the CA's signer is passed in. What follows the standard and what differs:
// docs/seals.md. The parser accepts exactly this shape (no extDatas, no trailing bytes).
import * as asn1js from "asn1js";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";
import { parseDer } from "@/lib/pki/asn1/parse-der";
import { truncateToSeconds } from "@/lib/pki/asn1/time";
import { PkiError } from "@/lib/pki/errors";
import { OID } from "@/lib/pki/oids";
import type { Sm2Signer } from "@/lib/pki/signer";
import { verify } from "@/lib/pki/sm2";
import { readCertificatePublicKey } from "@/lib/pki/x509/certificate-public-key";

export const SES_HEADER_ID = "ES";
export const SES_VERSION = 4;
/** property.type: 1 单位印章 (an enterprise's), 2 个人印章 (a person's). */
export type SesSealType = 1 | 2;

export interface SesSealInfo {
  /** Vendor id in the header (who made the structure). */
  vid: string;
  /** The seal's id (esID), unique per seal. */
  esId: string;
  type: SesSealType;
  name: string;
  /** DER of the certificate(s) the seal is bound to (the signing certificate). */
  certs: Uint8Array[];
  createDate: Date;
  validStart: Date;
  validEnd: Date;
  picture: { type: "PNG"; data: Uint8Array; widthMm: number; heightMm: number };
}

export interface ParsedSesSeal {
  info: SesSealInfo;
  /** The exact bytes the signature covers. */
  sealInfoDer: Uint8Array;
  makerCertDer: Uint8Array;
  signAlgId: string;
  signature: Uint8Array;
}

const bytes = (view: ArrayBuffer | Uint8Array) => new Uint8Array(view instanceof Uint8Array ? view : new Uint8Array(view)).slice();

function checkInfo(info: SesSealInfo): void {
  if (!/^[\x20-\x7e]{1,64}$/.test(info.esId)) throw new PkiError("invalid_message", "SES_Seal: esID must be 1-64 printable ASCII characters");
  if (!/^[\x20-\x7e]{1,64}$/.test(info.vid)) throw new PkiError("invalid_message", "SES_Seal: vid must be 1-64 printable ASCII characters");
  if (!info.name || info.name.length > 200) throw new PkiError("invalid_message", "SES_Seal: name must be 1-200 characters");
  if (info.certs.length === 0) throw new PkiError("invalid_message", "SES_Seal: certList needs the bound certificate");
  if (!(info.validStart < info.validEnd)) throw new PkiError("invalid_message", "SES_Seal: validStart must be before validEnd");
  if (info.picture.type !== "PNG" || info.picture.data.length === 0) throw new PkiError("invalid_message", "SES_Seal: picture must be a PNG");
  for (const mm of [info.picture.widthMm, info.picture.heightMm]) {
    if (!Number.isInteger(mm) || mm < 1 || mm > 1000) throw new PkiError("invalid_message", "SES_Seal: picture size must be 1-1000 mm");
  }
}

const time = (date: Date) => new asn1js.GeneralizedTime({ valueDate: truncateToSeconds(date) });

/** The DER of SES_SealInfo: what the CA signs. */
export function encodeSesSealInfo(info: SesSealInfo): Uint8Array {
  checkInfo(info);
  const sealInfo = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.IA5String({ value: SES_HEADER_ID }), new asn1js.Integer({ value: SES_VERSION }), new asn1js.IA5String({ value: info.vid })] }),
      new asn1js.IA5String({ value: info.esId }),
      new asn1js.Sequence({
        value: [
          new asn1js.Integer({ value: info.type }),
          new asn1js.Utf8String({ value: info.name }),
          new asn1js.Integer({ value: 1 }),
          new asn1js.Sequence({ value: info.certs.map((der) => new asn1js.OctetString({ valueHex: toArrayBuffer(der) })) }),
          time(info.createDate),
          time(info.validStart),
          time(info.validEnd),
        ],
      }),
      new asn1js.Sequence({
        value: [
          new asn1js.IA5String({ value: info.picture.type }),
          new asn1js.OctetString({ valueHex: toArrayBuffer(info.picture.data) }),
          new asn1js.Integer({ value: info.picture.widthMm }),
          new asn1js.Integer({ value: info.picture.heightMm }),
        ],
      }),
    ],
  });
  return new Uint8Array(sealInfo.toBER(false));
}

/**
 * Builds and signs an SESeal. `makerCertDer` is the certificate of the key behind `signer` (checked: a
 * structure whose cert does not name the signing key would never verify).
 */
export async function buildSesSeal({ info, makerCertDer, signer }: { info: SesSealInfo; makerCertDer: Uint8Array; signer: Sm2Signer }): Promise<Uint8Array> {
  const makerKey = readCertificatePublicKey(makerCertDer);
  if (!equalBytes(makerKey, signer.publicKey)) throw new PkiError("invalid_key", "SES_Seal: the maker certificate is not the signer's");
  const sealInfoDer = encodeSesSealInfo(info);
  const signature = await signer.sign(sealInfoDer);
  if (!verify(signature, sealInfoDer, signer.publicKey)) throw new PkiError("sign_failed", "SES_Seal: the signer's signature does not verify");
  const seal = new asn1js.Sequence({
    value: [
      parseDer(sealInfoDer, "SES_SealInfo"),
      new asn1js.OctetString({ valueHex: toArrayBuffer(makerCertDer) }),
      new asn1js.ObjectIdentifier({ value: OID.sm2WithSm3 }),
      new asn1js.BitString({ valueHex: toArrayBuffer(signature) }),
    ],
  });
  return new Uint8Array(seal.toBER(false));
}

function fail(what: string): never {
  throw new PkiError("invalid_der", `SES_Seal: ${what}`);
}

function children(node: asn1js.AsnType | undefined, what: string, count: number): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) fail(`${what} is not a SEQUENCE`);
  const value = node.valueBlock.value;
  if (value.length !== count) fail(`${what} has ${value.length} fields, expected ${count}`);
  return value;
}

function ia5(node: asn1js.AsnType | undefined, what: string): string {
  if (!(node instanceof asn1js.IA5String)) fail(`${what} is not an IA5String`);
  return node.valueBlock.value;
}

function int(node: asn1js.AsnType | undefined, what: string): number {
  if (!(node instanceof asn1js.Integer)) fail(`${what} is not an INTEGER`);
  const value = node.valueBlock.valueDec;
  if (!Number.isSafeInteger(value)) fail(`${what} is out of range`);
  return value;
}

function octets(node: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(node instanceof asn1js.OctetString) || node.idBlock.isConstructed) fail(`${what} is not a primitive OCTET STRING`);
  return bytes(node.valueBlock.valueHexView);
}

function generalized(node: asn1js.AsnType | undefined, what: string): Date {
  if (!(node instanceof asn1js.GeneralizedTime)) fail(`${what} is not a GeneralizedTime`);
  return node.toDate();
}

/** Parses an SESeal (the shape above, nothing else). Throws PkiError on anything else. */
export function parseSesSeal(der: Uint8Array): ParsedSesSeal {
  const top = children(parseDer(der, "SES_Seal"), "SESeal", 4);
  const [infoNode, certNode, algNode, sigNode] = top;
  const [header, esIdNode, property, picture] = children(infoNode, "eSealInfo", 4);
  const [headerId, version, vid] = children(header, "header", 3);
  if (ia5(headerId, "header.ID") !== SES_HEADER_ID) fail('header.ID is not "ES"');
  if (int(version, "header.version") !== SES_VERSION) fail(`header.version is not ${SES_VERSION}`);
  const [type, name, certListType, certList, createDate, validStart, validEnd] = children(property, "property", 7);
  const sealType = int(type, "property.type");
  if (sealType !== 1 && sealType !== 2) fail("property.type is not 1 or 2");
  if (!(name instanceof asn1js.Utf8String)) fail("property.name is not a UTF8String");
  if (int(certListType, "property.certListType") !== 1) fail("property.certListType is not 1 (certificates)");
  if (!(certList instanceof asn1js.Sequence)) fail("property.certList is not a SEQUENCE");
  const certs = certList.valueBlock.value.map((c, i) => octets(c, `property.certList[${i}]`));
  const [picType, picData, width, height] = children(picture, "picture", 4);
  if (!(algNode instanceof asn1js.ObjectIdentifier)) fail("signAlgID is not an OBJECT IDENTIFIER");
  if (!(sigNode instanceof asn1js.BitString) || sigNode.valueBlock.unusedBits !== 0) fail("signedValue is not a BIT STRING");
  const info: SesSealInfo = {
    vid: ia5(vid, "header.vid"),
    esId: ia5(esIdNode, "esID"),
    type: sealType,
    name: name.valueBlock.value,
    certs,
    createDate: generalized(createDate, "property.createDate"),
    validStart: generalized(validStart, "property.validStart"),
    validEnd: generalized(validEnd, "property.validEnd"),
    picture: { type: ia5(picType, "picture.type") as "PNG", data: octets(picData, "picture.data"), widthMm: int(width, "picture.width"), heightMm: int(height, "picture.height") },
  };
  checkInfo(info);
  const sealInfoDer = new Uint8Array(infoNode!.toBER(false));
  // DER in, DER out: a re-encoding that differs means the input was not DER (and the signature's bytes unclear).
  if (!equalBytes(sealInfoDer, encodeSesSealInfo(info))) fail("eSealInfo is not in DER");
  return { info, sealInfoDer, makerCertDer: octets(certNode, "cert"), signAlgId: algNode.valueBlock.toString(), signature: bytes(sigNode.valueBlock.valueHexView) };
}

export type SesSealCheck =
  | { ok: true; seal: ParsedSesSeal }
  | { ok: false; reason: "malformed" | "bad_algorithm" | "wrong_maker" | "bad_signature" | "not_yet_valid" | "expired"; detail?: string };

/**
 * Verifies an SESeal: well formed, SM2-with-SM3, made by `makerPublicKey` (the CA's seal-making key the
 * relying party trusts, compared with the key in the embedded cert), signature over eSealInfo, and, when
 * `at` is given, within its validity.
 */
export function verifySesSeal(der: Uint8Array, { makerPublicKey, at }: { makerPublicKey: Uint8Array; at?: Date }): SesSealCheck {
  let seal: ParsedSesSeal;
  try {
    seal = parseSesSeal(der);
  } catch (error) {
    return { ok: false, reason: "malformed", detail: error instanceof Error ? error.message : String(error) };
  }
  if (seal.signAlgId !== OID.sm2WithSm3) return { ok: false, reason: "bad_algorithm" };
  let embeddedKey: Uint8Array;
  try {
    embeddedKey = readCertificatePublicKey(seal.makerCertDer);
  } catch {
    return { ok: false, reason: "malformed", detail: "cert is not an SM2 certificate" };
  }
  if (!equalBytes(embeddedKey, makerPublicKey)) return { ok: false, reason: "wrong_maker" };
  if (!verify(seal.signature, seal.sealInfoDer, makerPublicKey)) return { ok: false, reason: "bad_signature" };
  if (at && at < seal.info.validStart) return { ok: false, reason: "not_yet_valid" };
  if (at && at > seal.info.validEnd) return { ok: false, reason: "expired" };
  return { ok: true, seal };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
