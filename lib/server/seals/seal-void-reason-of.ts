import type { TRevokeReason } from "@/lib/server/certs/revoke-certificate.types";
import type { SealVoidReason } from "./void-seals";

/** The seal's void reason for a certificate revocation: superseded asks the owner for new seals (needsReapply). */
export function sealVoidReasonOf(reason: TRevokeReason): SealVoidReason {
  if (reason === "superseded") return "certificate_superseded";
  if (reason === "affiliationChanged") return "member_removed";
  return "certificate_revoked";
}
