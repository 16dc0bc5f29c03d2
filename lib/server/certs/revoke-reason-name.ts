import { REVOCATION_REASONS } from "@/lib/pki/crl/revocation-reason";
import type { RevocationReason } from "@/lib/pki/crl/revocation-reason";

/** The RFC 5280 reason name of a stored reason code (null for a code this desk never writes). */
export function reasonName(code: number): RevocationReason | null {
  const hit = Object.entries(REVOCATION_REASONS).find(([, v]) => v === code);
  return (hit?.[0] as RevocationReason | undefined) ?? null;
}
