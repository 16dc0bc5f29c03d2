// Phone: escrow the share d1 of the ENCRYPTION key to the key-management key, at download.
import { bytesToHex, concatBytes, hexToBytes } from "../encoding";
import { PkiError } from "../errors";
import { encrypt } from "../sm2-encrypt";
import { sm2Point } from "../sm2-curve";
import { blindedInverse, pointToHex, shareToScalar } from "../two-party/two-party-math";
import { ESCROW_VERSION, type TEscrowEnvelope } from "./escrow.types";
import { escrowBinding } from "./escrow-binding";
import { kmkIdOf } from "./kmk-id";

export function escrowShare(input: {
  d1: Uint8Array;
  kmk: { id: string; publicKey: string };
  orderId: string;
  signKeyShareId: string;
  encryptKeyShareId: string;
  /** Joint public key of the encryption key (hex). */
  publicKey: string;
}): TEscrowEnvelope {
  const kmkPublicKey = hexToBytes(input.kmk.publicKey);
  // The id is recomputed, so an answer naming one key and carrying another is caught here.
  if (kmkIdOf(kmkPublicKey) !== input.kmk.id) throw new PkiError("invalid_key", "key-management key id does not match its public key");
  const P1 = pointToHex(sm2Point.BASE.multiply(blindedInverse(shareToScalar(input.d1))));
  const header = {
    kmkId: input.kmk.id,
    orderId: input.orderId,
    signKeyShareId: input.signKeyShareId,
    encryptKeyShareId: input.encryptKeyShareId,
    publicKey: input.publicKey,
    P1,
  };
  const plaintext = concatBytes(escrowBinding(header), input.d1);
  try {
    return { v: ESCROW_VERSION, ...header, ciphertext: bytesToHex(encrypt(kmkPublicKey, plaintext, { format: "c1c3c2" })) };
  } finally {
    plaintext.fill(0);
  }
}
