import { z } from "zod";
import { SEAL_KINDS } from "@/lib/server/scan/scan-request.types";

// The failReason a refused scan ends with (PLATFORM_REFUSAL_REASONS of check-platform-authorization.ts).
const PLATFORM_REFUSAL_REASONS = ["not_authorized_for_platform", "not_a_member"] as const;

// What a trading platform may read about enterprises through /api/v1 (issue 16, "more than scan
// requests"): a certificate holder's authorization for the calling platform, and the enterprise's
// subject library with the holders it authorized there. Typed by these and documented from them.

/** GET /api/v1/organizations/:uscc — 统一社会信用代码, 18 characters (any case). */
export const ZOrganizationParams = z.object({ uscc: z.string().regex(/^[0-9A-Za-z]{18}$/, "scan.errors.usccFormat").meta({ example: "91110108MA01ABCDE1" }) });

export const ZCertificateAuthorizationSchema = z
  .object({
    serial: z.string().describe("The certificate's serial, lowercase hex."),
    organization: z
      .object({ name: z.string(), uscc: z.string() })
      .nullable()
      .describe("The enterprise an enterprise certificate belongs to; null for a personal certificate (which needs no authorization)."),
    authorized: z
      .boolean()
      .describe("Whether a scan with this certificate on your platform is accepted now: the same check the phone and the completion make (a refused scan ends rejected with failReason)."),
    basis: z
      .enum(["personal_certificate", "administrator", "authorization"])
      .nullable()
      .describe("Why it is authorized: a personal certificate; the enterprise's administrator (uses its certificate on every platform); an authorization the administrator granted for your platform (授权管理). null when not authorized."),
    refusal: z.enum(PLATFORM_REFUSAL_REASONS).nullable().describe("When not authorized: the failReason a scan would end with (not_authorized_for_platform, not_a_member)."),
    grantedAt: z.iso.datetime().nullable().describe("basis authorization: when it was granted."),
    revokedAt: z.iso.datetime().nullable().describe("Not authorized: when the holder's latest authorization for your platform was revoked, if there was one."),
    checkedAt: z.iso.datetime(),
  })
  .meta({ id: "CertificateAuthorization" });
export type TCertificateAuthorization = z.infer<typeof ZCertificateAuthorizationSchema>;

export const ZPlatformOrganizationSchema = z
  .object({
    name: z.string(),
    uscc: z.string().describe("统一社会信用代码 (18 characters): also the DN serialNumber of its enterprise certificates."),
    legalRepName: z.string(),
    address: z.string().nullable(),
    seals: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(SEAL_KINDS) })).describe("The enterprise's approved seals (GET /seals?serial= gives a certificate's, with pictures)."),
    holders: z
      .array(
        z.object({
          name: z.string().describe("The holder's real name (verified at certification; else the account's name)."),
          role: z.enum(["administrator", "member"]),
          basis: z.enum(["administrator", "authorization"]),
          grantedAt: z.iso.datetime().nullable().describe("basis authorization: when the administrator granted it."),
          certificates: z.array(z.string()).describe("Serials (lowercase hex) of the holder's valid enterprise signing certificates."),
        }),
      )
      .describe("Who may use the enterprise's certificates on your platform now: its administrator, and the members it authorized for your platform."),
    checkedAt: z.iso.datetime(),
  })
  .meta({ id: "Organization", description: "An enterprise's subject library (主体库) as your platform may read it, for an enterprise one of whose certificates completed a scan request with you." });
export type TPlatformOrganization = z.infer<typeof ZPlatformOrganizationSchema>;
