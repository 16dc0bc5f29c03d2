import { keyedHash } from "@/lib/db/keyed-hash";

/** A face check for a reverify must be at most this old when it is used (completed ≤ 10 minutes ago). */
export const REVERIFY_FACE_MAX_AGE_MS = 10 * 60_000;

/**
 * The check's `subject` keeps only a masked ID number; a keyed hash of the full number (bound to
 * the key group's first share) is stored next to it, so reverify can tell that the face check was
 * started by this flow for exactly this holder and this certificate.
 */
export function holderFaceMark(keyShareId: string, idNumber: string): string {
  return keyedHash("reverify-face-holder", keyShareId, idNumber.toUpperCase());
}
