import * as asn1js from "asn1js";
import { REVOCATION_REASONS, revocationReasonFromCode, type RevocationReason } from "@/lib/pki/crl/revocation-reason";
import { truncateToSeconds } from "@/lib/pki/asn1/time";

// CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo,
//                          unknown [2] IMPLICIT UnknownInfo (NULL) }           (RFC 6960 4.2.1)

export type DecodedCertStatus =
  | { status: "good" }
  | { status: "revoked"; revokedAt: Date; reason?: RevocationReason }
  | { status: "unknown" };

const contextNull = (tagNumber: number) => new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber }, valueHex: new ArrayBuffer(0) });

export function encodeCertStatus(status: DecodedCertStatus): asn1js.AsnType {
  if (status.status === "good") return contextNull(0);
  if (status.status === "unknown") return contextNull(2);
  const value: asn1js.AsnType[] = [new asn1js.GeneralizedTime({ valueDate: truncateToSeconds(status.revokedAt) })];
  if (status.reason) {
    value.push(
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [new asn1js.Enumerated({ value: REVOCATION_REASONS[status.reason] })],
      }),
    );
  }
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value });
}

export function decodeCertStatus(certStatus: asn1js.AsnType): DecodedCertStatus | undefined {
  const { tagClass, tagNumber } = certStatus.idBlock;
  if (tagClass !== 3) return undefined;
  if (tagNumber === 0) return { status: "good" };
  if (tagNumber === 2) return { status: "unknown" };
  if (tagNumber !== 1 || !(certStatus instanceof asn1js.Constructed)) return undefined;
  const [time, reasonWrapper] = certStatus.valueBlock.value;
  if (!(time instanceof asn1js.GeneralizedTime)) return undefined;
  let reason: RevocationReason | undefined;
  if (reasonWrapper instanceof asn1js.Constructed) {
    const enumerated = reasonWrapper.valueBlock.value[0];
    if (enumerated instanceof asn1js.Enumerated) reason = revocationReasonFromCode(enumerated.valueBlock.valueDec);
  }
  return { status: "revoked", revokedAt: time.toDate(), reason };
}
