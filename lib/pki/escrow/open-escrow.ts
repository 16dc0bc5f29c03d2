// Key-management centre: open an escrow envelope with the KMK's private key, checking that what
// comes out is the share the envelope names (binding) and the phone's share of that key (P1).
import { equalBytes, hexToBytes } from "../encoding";
import { PkiError } from "../errors";
import { decrypt } from "../sm2-encrypt";
import { sm2Point } from "../sm2-curve";
import { blindedInverse, hexToPoint, shareToScalar } from "../two-party/two-party-math";
import { type TEscrowEnvelope, ZEscrowEnvelopeSchema } from "./escrow.types";
import { escrowBinding } from "./escrow-binding";
import { kmkIdOf } from "./kmk-id";
import { getPublicKey } from "../sm2";

export function openEscrow(envelope: TEscrowEnvelope, kmkPrivateKey: Uint8Array): Uint8Array {
  const e = ZEscrowEnvelopeSchema.parse(envelope);
  if (kmkIdOf(getPublicKey(kmkPrivateKey)) !== e.kmkId) throw new PkiError("invalid_key", `escrow is for key-management key ${e.kmkId}`);
  const plaintext = decrypt(kmkPrivateKey, hexToBytes(e.ciphertext));
  try {
    if (plaintext.length !== 64 || !equalBytes(plaintext.subarray(0, 32), escrowBinding(e))) {
      throw new PkiError("decrypt_failed", "escrow ciphertext is bound to another share");
    }
    const d1 = plaintext.slice(32);
    const P1 = sm2Point.BASE.multiply(blindedInverse(shareToScalar(d1)));
    if (!P1.equals(hexToPoint(e.P1, "P1"))) {
      d1.fill(0);
      throw new PkiError("decrypt_failed", `escrowed share does not match P1 of key share ${e.encryptKeyShareId}`);
    }
    return d1;
  } finally {
    plaintext.fill(0);
  }
}
