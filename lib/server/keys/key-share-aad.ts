/**
 * Associated data for a sealed d2: the owner and the joint public key. A sealed share copied to
 * another user's row, or onto another key, then fails to open instead of signing for them.
 */
export function keyShareAad(input: { userId: string; publicKeyHex: string }): string {
  return `key-share:${input.userId}:${input.publicKeyHex}`;
}
