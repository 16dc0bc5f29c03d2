import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { parseDer } from "@/lib/pki/asn1/parse-der";

export interface NameAttribute {
  type: string;
  value: string;
}

// X.520 fixes countryName and serialNumber to PrintableString; every other attribute is
// UTF8String (RFC 5280 4.1.2.6), which Chinese names need.
const PRINTABLE_ONLY: readonly string[] = [OID.countryName, OID.serialNumber];

const SHORT_NAMES: Record<string, string> = {
  [OID.countryName]: "C",
  [OID.stateOrProvinceName]: "ST",
  [OID.localityName]: "L",
  [OID.organizationName]: "O",
  [OID.organizationalUnitName]: "OU",
  [OID.commonName]: "CN",
  [OID.serialNumber]: "serialNumber",
};

/**
 * A Name with one attribute per RDN, in the order given. pkijs would put every attribute into ONE
 * multi-valued RDN, which OpenSSL prints as "C=CN + O=..." and nobody expects, so the SEQUENCE is
 * built here and pkijs gets the parsed result (keeping these exact bytes for name chaining).
 */
export function buildName(attributes: NameAttribute[]): pkijs.RelativeDistinguishedNames {
  const rdns = attributes.map(({ type, value }) => {
    const typed = PRINTABLE_ONLY.includes(type)
      ? new asn1js.PrintableString({ value })
      : new asn1js.Utf8String({ value });
    return new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), typed] })] });
  });
  const der = new Uint8Array(new asn1js.Sequence({ value: rdns }).toBER(false));
  return new pkijs.RelativeDistinguishedNames({ schema: parseDer(der, "Name") });
}

/** Attributes of a Name in encoded order, values as strings. */
export function nameAttributes(name: pkijs.RelativeDistinguishedNames): NameAttribute[] {
  return name.typesAndValues.map((atv) => ({
    type: atv.type,
    value: String((atv.value.valueBlock as { value?: unknown }).value ?? ""),
  }));
}

/** "C=CN, O=..., CN=..." in encoded order, the way OpenSSL's -nameopt oneline shows names. */
export function nameToString(name: pkijs.RelativeDistinguishedNames): string {
  return nameAttributes(name)
    .map(({ type, value }) => `${SHORT_NAMES[type] ?? type}=${value}`)
    .join(", ");
}

/** First value of one attribute type, e.g. the CN. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: string): string | undefined {
  return nameAttributes(name).find((a) => a.type === type)?.value;
}
