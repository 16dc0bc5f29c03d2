import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";
import { readBer } from "@/lib/pki/asn1/parse-der";

// Nonce extension (RFC 8954): extnValue holds a DER OCTET STRING of 1 to 32 octets. Some old
// clients put the raw bytes there instead; those are read as-is so their nonce still echoes.

export const MAX_NONCE_LENGTH = 32;

export function nonceExtension(nonce: Uint8Array): pkijs.Extension {
  return new pkijs.Extension({
    extnID: OID.ocspNonce,
    critical: false,
    extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(nonce) }).toBER(false),
  });
}

export function findNonceExtension(extensions: pkijs.Extension[] | undefined): pkijs.Extension | undefined {
  return extensions?.find((e) => e.extnID === OID.ocspNonce);
}

export function readNonce(extension: pkijs.Extension): Uint8Array {
  const raw = new Uint8Array(extension.extnValue.valueBlock.valueHexView);
  const parsed = readBer(raw);
  if (parsed.offset === raw.length && parsed.result instanceof asn1js.OctetString) {
    return new Uint8Array(parsed.result.valueBlock.valueHexView);
  }
  return raw;
}
