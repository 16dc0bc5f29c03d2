import { db } from "@/lib/db/client";
import { pkiUrls } from "@/lib/server/ca/pki-urls";
import type { TPkiCa } from "./pki.types";

/** A CA as GET /pki/ca lists it (PkiCa in the API document; crlUrl for ROOT and ISSUING only). */
export type PublicCa = TPkiCa;

/** The CA repository index (GET /pki/ca): every CA certificate this service has, with its URLs. */
export async function listPublicCas(): Promise<PublicCa[]> {
  const rows = await db.certificateAuthority.findMany({
    select: { id: true, kind: true, subjectDn: true, serialHex: true, notBefore: true, notAfter: true, active: true },
    orderBy: { createdAt: "asc" },
  });
  const urls = pkiUrls();
  return rows.map((ca) => ({
    ...ca,
    notBefore: ca.notBefore.toISOString(),
    notAfter: ca.notAfter.toISOString(),
    certificateUrl: urls.caCertificate(ca.id),
    ...(ca.kind === "OCSP" ? {} : { crlUrl: urls.crl(ca.id) }),
  }));
}
