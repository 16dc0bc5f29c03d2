import type { TEscrowEnvelope } from "@/lib/pki/escrow";
import { openSecret, sealSecret } from "@/lib/db/seal";

/**
 * What KeyEscrow.sealed holds under the KEK: the phone's envelope (already encrypted to the KMK)
 * and R = Πρ of the share refreshes since the download. A database copy alone opens neither layer;
 * the KMK alone has no envelope to open.
 */
export type EscrowSecret = { envelope: TEscrowEnvelope; factor: string };

const aad = (keyShareId: string) => `key-escrow:${keyShareId}`;

export function sealEscrowSecret(keyShareId: string, secret: EscrowSecret): string {
  return sealSecret(new TextEncoder().encode(JSON.stringify(secret)), aad(keyShareId));
}

export function openEscrowSecret(keyShareId: string, sealed: string): EscrowSecret {
  return JSON.parse(new TextDecoder().decode(openSecret(sealed, aad(keyShareId)))) as EscrowSecret;
}
