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

/**
 * The active issuing CA for code already inside a transaction (re-signing a seal structure under a grant's or a
 * revocation's row locks): the process cache while it is fresh, else the active rows read through `tx`. Not
 * loadIssuingCa there: its queries go through the pool, and on the single-connection embedded database they
 * wait for the open transaction until it times out (seen as a 30 s 撤销授权 that failed once the cache was a
 * minute old). Read through `tx` it is not cached (that transaction may still roll back).
 */
export async function loadIssuingCaWithin(tx: Tx): Promise<IssuingCa> {
  if (cached && cached.source === dbAdapter() && Date.now() - cached.at <= TTL_MS) return cached.value;
  const [current] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT i.id FROM "CertificateAuthority" i JOIN "CertificateAuthority" r ON r.id = i."parentId"
    WHERE i.kind = 'ISSUING' AND i.active AND r.id = (
      SELECT id FROM "CertificateAuthority" WHERE kind = 'ROOT' AND active ORDER BY "createdAt" DESC LIMIT 1
    )
    ORDER BY i."createdAt" DESC LIMIT 1`;
  if (!current) throw new Error("no active issuing CA");
  return issuingCaOf(await tx.certificateAuthority.findUniqueOrThrow({ where: { id: current.id } }), tx);
}

/** Drops the cached issuing CA (it is no longer the active one). */
export function forgetIssuingCa(): void {
  cached = undefined;
}
