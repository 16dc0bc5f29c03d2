import type { SealKind } from "@/lib/generated/prisma/enums";
import type { SealInk, SealShape } from "./process-seal-image";

/** An enterprise's seals (made by its administrator or seal administrator) and a person's own. */
export const ORG_SEAL_KINDS = ["OFFICIAL", "LEGAL_REP", "LEGAL_REP_SIGNATURE", "CONTRACT"] as const satisfies readonly SealKind[];
export const PERSONAL_SEAL_KINDS = ["PERSONAL", "HANDWRITTEN"] as const satisfies readonly SealKind[];
/** 个人印章: at most this many live (awaiting, in review, approved or rejected) per person, checked under the user row's lock. */
export const MAX_PERSONAL_SEALS = 3;
/** The statuses that hold a personal seal's place (a rejected one can be re-submitted: 补章). */
export const SLOT_STATUSES = ["AWAITING_IMAGE", "PENDING_REVIEW", "APPROVED", "REJECTED"] as const;

/**
 * How each kind is drawn and printed: red ink in a square frame for stamps (公章 42 mm, 合同章 40 mm, 法人章 and
 * 个人印章 20 mm, their usual physical sizes), dark ink in a wide frame for signatures (40 mm × 20 mm).
 */
export function sealLook(kind: SealKind): { ink: SealInk; shape: SealShape; widthMm: number; heightMm: number } {
  switch (kind) {
    case "OFFICIAL":
      return { ink: "red", shape: "square", widthMm: 42, heightMm: 42 };
    case "CONTRACT":
      return { ink: "red", shape: "square", widthMm: 40, heightMm: 40 };
    case "LEGAL_REP":
    case "PERSONAL":
      return { ink: "red", shape: "square", widthMm: 20, heightMm: 20 };
    case "LEGAL_REP_SIGNATURE":
    case "HANDWRITTEN":
      return { ink: "dark", shape: "wide", widthMm: 40, heightMm: 20 };
  }
}

export function isOrgSealKind(kind: SealKind): boolean {
  return (ORG_SEAL_KINDS as readonly SealKind[]).includes(kind);
}
