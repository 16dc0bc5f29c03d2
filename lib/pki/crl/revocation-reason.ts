import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { readBer } from "@/lib/pki/asn1/parse-der";

/** CRLReason (RFC 5280 5.3.1); value 7 is unused by the standard. */
export const REVOCATION_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;

export type RevocationReason = keyof typeof REVOCATION_REASONS;

export const REVOCATION_REASON_NAMES = Object.keys(REVOCATION_REASONS) as [RevocationReason, ...RevocationReason[]];

export function revocationReasonFromCode(code: number): RevocationReason | undefined {
  return REVOCATION_REASON_NAMES.find((name) => REVOCATION_REASONS[name] === code);
}

/** The reasonCode entry extension: ENUMERATED, non-critical. */
export function reasonCodeExtension(reason: RevocationReason): pkijs.Extension {
  return new pkijs.Extension({
    extnID: OID.crlReason,
    critical: false,
    extnValue: new asn1js.Enumerated({ value: REVOCATION_REASONS[reason] }).toBER(false),
  });
}

/** Reads the reasonCode of an entry's extensions, if present and well-formed. */
export function readReasonCode(extensions: pkijs.Extension[] | undefined): RevocationReason | undefined {
  const extension = extensions?.find((e) => e.extnID === OID.crlReason);
  if (!extension) return undefined;
  const parsed = readBer(extension.extnValue.valueBlock.valueHexView);
  if (!(parsed.result instanceof asn1js.Enumerated)) return undefined;
  return revocationReasonFromCode(parsed.result.valueBlock.valueDec);
}
