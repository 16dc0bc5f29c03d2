import type * as pkijs from "pkijs";
import { sha1 } from "@noble/hashes/legacy.js";
import { bytesToHex } from "@/lib/pki/encoding";
import type { Sm2Signer } from "@/lib/pki/signer";
import { certificatePublicKey, parseCertificate } from "@/lib/pki/x509/certificate-input";
import { db, dbAdapter } from "@/lib/db/client";
import type { OpenedAdapter } from "@/lib/db/adapter";
import { keyCustody } from "@/lib/server/ca/key-custody";
import { ocspResponderRenewAt } from "@/lib/server/ca/ca-profile";

export interface OcspIssuer {
  caId: string;
  certificate: pkijs.Certificate;
  /** SHA-1 of the issuer's DER name and of its key, hex: what almost every CertID carries. */
  sha1NameHashHex: string;
  sha1KeyHashHex: string;
  /** Who signs answers about this CA's certificates: its delegated responder, else the CA itself. */
  responder: { certificate: pkijs.Certificate; signer: Sm2Signer };
  /**
   * For the active issuing CA: when its delegated responder is due for replacement (at once when it
   * has none), so an answer can rotate it without a query of its own. Undefined for retired CAs.
   */
  responderRenewAt?: Date;
}

// The CAs and responder keys change a few times in a decade, while OCSP answers thousands of
// requests a second, so they are kept in memory and re-read at most once a minute (or at once
// when this process changed the hierarchy), keyed by the database they were read from. The
// database stays the only source of truth.
const TTL_MS = 60_000;
let cached: { source: OpenedAdapter; at: number; issuers: Promise<OcspIssuer[]> } | undefined;

async function load(): Promise<OcspIssuer[]> {
  const rows = await db.certificateAuthority.findMany({
    where: { kind: { in: ["ISSUING", "OCSP"] } },
    select: { id: true, kind: true, parentId: true, certDer: true, keyRef: true, active: true, notAfter: true },
    orderBy: { createdAt: "desc" },
  });
  const now = Date.now();
  const issuers: OcspIssuer[] = [];
  for (const ca of rows.filter((r) => r.kind === "ISSUING")) {
    const certificate = parseCertificate(ca.certDer);
    const delegated = rows.find((r) => r.kind === "OCSP" && r.active && r.parentId === ca.id && r.notAfter.getTime() > now);
    const responderRow = delegated ?? ca;
    issuers.push({
      caId: ca.id,
      certificate,
      sha1NameHashHex: bytesToHex(sha1(new Uint8Array(certificate.subject.toSchema().toBER(false)))),
      sha1KeyHashHex: bytesToHex(sha1(certificatePublicKey(certificate))),
      responder: {
        certificate: delegated ? parseCertificate(delegated.certDer) : certificate,
        signer: await keyCustody().signer(responderRow.keyRef),
      },
      ...(ca.active ? { responderRenewAt: delegated ? ocspResponderRenewAt(delegated.notAfter) : new Date(0) } : {}),
    });
  }
  return issuers;
}

/** The issuing CAs this responder answers for, each with its responder key (cached, see above). */
export function loadOcspResponder(): Promise<OcspIssuer[]> {
  const now = Date.now();
  const source = dbAdapter();
  if (!cached || cached.source !== source || now - cached.at > TTL_MS) {
    const issuers = load();
    cached = { source, at: now, issuers };
    issuers.catch(() => {
      if (cached?.issuers === issuers) cached = undefined;
    });
  }
  return cached.issuers;
}

/** Drops the cached responder context (after the hierarchy changed in this process). */
export function forgetOcspResponder(): void {
  cached = undefined;
}
