import type * as pkijs from "pkijs";
import type { Sm2Signer } from "@/lib/pki/signer";
import { parseCertificate } from "@/lib/pki/x509/certificate-input";
import { dbAdapter, type Db, type Tx } from "@/lib/db/client";
import type { OpenedAdapter } from "@/lib/db/adapter";
import type { CaRow } from "@/lib/server/ca/create-ca";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { keyCustody } from "@/lib/server/ca/key-custody";

export interface IssuingCa {
  ca: CaRow;
  /** Parsed once: pkijs parses a certificate in about a millisecond, per certificate issued otherwise. */
  certificate: pkijs.Certificate;
  signer: Sm2Signer;
}

// Re-read at most once a minute: a new issuing CA is a rare, deliberate event, and the builders'
// checks (signer key = issuer key, validity capped at the issuer's) hold whatever we cache. Keyed
// by the database it was read from (a process that opens another database — a bench module, a
// test — must not issue under a CA of the previous one), and issueCertificates re-checks the CA row
// in its transaction (confirmIssuingCa), so a rotation within the minute cannot be issued under.
const TTL_MS = 60_000;
let cached: { source: OpenedAdapter; at: number; value: Promise<IssuingCa> } | undefined;

/** The parsed certificate and signer of an issuing CA row; `client` lets a transaction read its own rows. */
export async function issuingCaOf(ca: CaRow, client?: Db | Tx): Promise<IssuingCa> {
  return { ca, certificate: parseCertificate(ca.certDer), signer: await keyCustody().signer(ca.keyRef, client) };
}

async function load(): Promise<IssuingCa> {
  const { issuing } = await ensureCaHierarchy();
  return issuingCaOf(issuing);
}

/** The active issuing CA with its parsed certificate and signer (created on first use if need be). */
export function loadIssuingCa(): Promise<IssuingCa> {
  const now = Date.now();
  const source = dbAdapter();
  if (!cached || cached.source !== source || now - cached.at > TTL_MS) {
    const value = load();
    cached = { source, at: now, value };
    value.catch(() => {
      if (cached?.value === value) cached = undefined;
    });
  }
  return cached.value;
}

/** Drops the cached issuing CA (it is no longer the active one). */
export function forgetIssuingCa(): void {
  cached = undefined;
}
