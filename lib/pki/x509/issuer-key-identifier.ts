import * as asn1js from "asn1js";
import type * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { certificatePublicKey, findExtension } from "@/lib/pki/x509/certificate-input";
import { keyIdentifier } from "@/lib/pki/x509/key-identifier";
import { readBer } from "@/lib/pki/asn1/parse-der";

/**
 * The key identifier a CA states for itself (its SKI), so the AKI of what it signs matches byte
 * for byte even if the CA computed it another way; SHA-1 of the key when it has no SKI.
 */
export function issuerKeyIdentifier(issuer: pkijs.Certificate): Uint8Array {
  const ski = findExtension(issuer, OID.subjectKeyIdentifier);
  if (ski) {
    const parsed = readBer(ski.extnValue.valueBlock.valueHexView);
    if (parsed.result instanceof asn1js.OctetString) return new Uint8Array(parsed.result.valueBlock.valueHexView);
  }
  return keyIdentifier(certificatePublicKey(issuer));
}
