import type { OrgRequestKind, OrgSignaturePurpose } from "@/lib/generated/prisma/enums";
import type { OrgPermission } from "./org-permissions";

/**
 * The permission a letter's signer needs: answering a join (members.manage) or a certificate request
 * (certs.manage), granting authorizations, transferring the administrator role.
 */
export function orgSignaturePermission(purpose: OrgSignaturePurpose, requestKind?: OrgRequestKind | null): OrgPermission {
  switch (purpose) {
    case "APPROVE_REQUEST":
      return requestKind === "CERT" ? "certs.manage" : "members.manage";
    case "GRANT_AUTHORIZATION":
      return "authorizations.manage";
    case "TRANSFER_ADMIN":
      return "org.transferAdmin";
  }
}
