import { CA_PROFILE } from "@/lib/server/ca/ca-profile";
import { listPublicCas } from "@/lib/server/ca/list-public-cas";
import { pkiUrls } from "@/lib/server/ca/pki-urls";

/**
 * The running desk's own values that the CP/CPS page (/cps) states: policy OIDs, repository URLs of
 * the active CAs, lifetimes. Read from CA_PROFILE and the CA rows, so the page cannot drift from what
 * the certificates say.
 */
export async function getCpsFacts(): Promise<Record<string, string>> {
  const urls = pkiUrls();
  const cas = await listPublicCas();
  const issuing = cas.filter((c) => c.kind === "ISSUING" && c.active).at(-1);
  return {
    individualOid: CA_PROFILE.policies.individual,
    unitOid: CA_PROFILE.policies.unit,
    arc: CA_PROFILE.policies.arc,
    cpsUrl: urls.cps(),
    ocspUrl: urls.ocsp(),
    caIndexUrl: urls.caCertificate("").replace(/\/\.cer$/, ""),
    caCertUrl: issuing ? urls.caCertificate(issuing.id) : urls.caCertificate("<caId>"),
    crlUrl: issuing ? urls.crl(issuing.id) : urls.crl("<caId>"),
    crlHours: String(CA_PROFILE.crl.lifetimeMs.ISSUING / 3600_000),
    ocspHours: String(CA_PROFILE.ocsp.validitySeconds / 3600),
    responderDays: String(CA_PROFILE.ocspResponder.days),
    renewDays: String(CA_PROFILE.ocspResponder.renewBeforeDays),
    rootYears: String(CA_PROFILE.root.years),
    issuingYears: String(CA_PROFILE.issuing.years),
  };
}
