// Fixed parameters of CertDesk's CA hierarchy and of what it publishes. Lifetimes are long for the
// offline-in-spirit root and short for what relying parties fetch often (CRLs, OCSP answers).
const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const CA_PROFILE = {
  organizationName: "CertDesk",
  root: { commonName: "CertDesk SM2 Root CA", years: 20 },
  issuing: { commonName: "CertDesk SM2 Issuing CA", years: 10 },
  // Short-lived because ocsp-nocheck means nobody can revoke it (RFC 6960 4.2.2.2.1): 30 days, and a
  // new one (new key) once fewer than 10 days are left, by the maintenance job or, when that has not
  // run, by the first OCSP answer that sees it due (ensureCaHierarchy under the hierarchy lock).
  ocspResponder: { commonName: "CertDesk OCSP Responder", days: 30, renewBeforeDays: 10 },
  /**
   * Certificate policies (RFC 5280 4.2.1.4), each with a CPS pointer to the desk's /cps page. The arc
   * 1.3.6.1.4.1.32473 is IANA's EXAMPLE enterprise number (RFC 5612, for documentation): this
   * software has no registered arc, and a licensed CA replaces these with the OIDs of its approved
   * CP (docs/certificate-profile.md). The issuing CA lists every policy its certificates use.
   */
  policies: {
    arc: "1.3.6.1.4.1.32473.1",
    individual: "1.3.6.1.4.1.32473.1.1.1",
    unit: "1.3.6.1.4.1.32473.1.1.2",
  },
  crl: {
    /**
     * Lifetime of an issuing CA's CRL, and of the root's (which lists only issuing CAs). The root's
     * key is offline, so each root CRL is a ceremony (key file + passphrase at the CLI): 90 days
     * makes that quarterly instead of monthly, well inside the 12 months the CA/Browser Forum allows
     * for CRLs covering CA certificates, and revoking an issuing CA would be a ceremony with its own
     * new root CRL at once, so the longer lifetime does not delay a revocation.
     */
    lifetimeMs: { ISSUING: DAY_MS, ROOT: 90 * DAY_MS },
    /** Regenerate once less than this fraction of the lifetime is left. */
    refreshWhenLeft: 0.25,
    /** The desk warns this long before an offline root's CRL is due (it cannot sign it itself). */
    offlineRootWarnMs: 7 * DAY_MS,
  },
  ocsp: {
    validitySeconds: 6 * 3600,
    /** A cached answer is re-signed once it is this close to its nextUpdate. */
    refreshBeforeMs: HOUR_MS,
    /** How long one process may serve a cached answer from memory without asking the database. */
    memoMs: 1000,
  },
  /** Certificates start a little in the past so clients with a slow clock accept them. */
  backdateMs: 5 * 60 * 1000,
  /** How often the maintenance job (CRL refresh, expiry marking, responder renewal) runs. */
  maintenanceEveryMs: 15 * 60 * 1000,
} as const;

export function addYears(date: Date, years: number): Date {
  const out = new Date(date);
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** When the delegated OCSP responder certificate ending at `notAfter` is replaced. */
export function ocspResponderRenewAt(notAfter: Date): Date {
  return addMs(notAfter, -CA_PROFILE.ocspResponder.renewBeforeDays * DAY_MS);
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** When a CA's CRL with this nextUpdate is due for replacement (refreshWhenLeft of its lifetime left). */
export function crlDueAt(kind: "ROOT" | "ISSUING", nextUpdate: Date): Date {
  return addMs(nextUpdate, -CA_PROFILE.crl.lifetimeMs[kind] * CA_PROFILE.crl.refreshWhenLeft);
}
