import type * as pkijs from "pkijs";
import type { Sm2Signer } from "@/lib/pki/signer";
import { parseCertificate } from "@/lib/pki/x509/certificate-input";
import type { CaRow } from "./create-ca";
import { ensureCaHierarchy } from "./ensure-ca-hierarchy";
import { keyCustody } from "./key-custody";

export interface IssuingCa {
  ca: CaRow;
  /** Parsed once: pkijs parses a certificate in about a millisecond, per certificate issued otherwise. */
  certificate: pkijs.Certificate;
  signer: Sm2Signer;
}

// Re-read at most once a minute: a new issuing CA is a rare, deliberate event, and the builders'
// checks (signer key = issuer key, validity capped at the issuer's) hold whatever we cache.
const TTL_MS = 60_000;
let cached: { at: number; value: Promise<IssuingCa> } | undefined;

async function load(): Promise<IssuingCa> {
  const { issuing } = await ensureCaHierarchy();
  return { ca: issuing, certificate: parseCertificate(issuing.certDer), signer: await keyCustody().signer(issuing.keyRef) };
}

/** The active issuing CA with its parsed certificate and signer (created on first use if need be). */
export function loadIssuingCa(): Promise<IssuingCa> {
  const now = Date.now();
  if (!cached || now - cached.at > TTL_MS) {
    const value = load();
    cached = { at: now, value };
    value.catch(() => {
      if (cached?.value === value) cached = undefined;
    });
  }
  return cached.value;
}
