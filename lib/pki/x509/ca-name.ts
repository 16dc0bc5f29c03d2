import type * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { buildName } from "@/lib/pki/x509/name";
import type { z } from "zod";
import type { ZCaSubjectSchema } from "@/lib/pki/x509/ca.types";

/** C, O, [OU,] CN: the usual order for CA and responder names. */
export function caSubjectName(subject: z.output<typeof ZCaSubjectSchema>): pkijs.RelativeDistinguishedNames {
  return buildName([
    { type: OID.countryName, value: subject.countryName },
    { type: OID.organizationName, value: subject.organizationName },
    ...(subject.organizationalUnitName ? [{ type: OID.organizationalUnitName, value: subject.organizationalUnitName }] : []),
    { type: OID.commonName, value: subject.commonName },
  ]);
}
