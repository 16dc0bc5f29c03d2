import { db } from "@/lib/db/client";
import { pkiUrls } from "@/lib/server/ca/pki-urls";

export interface PublicCa {
  id: string;
  kind: "ROOT" | "ISSUING" | "OCSP";
  subjectDn: string;
  serialHex: string;
  notBefore: string;
  notAfter: string;
  active: boolean;
  certificateUrl: string;
  /** Where this CA publishes its CRL (ROOT and ISSUING only). */
  crlUrl?: string;
}

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
