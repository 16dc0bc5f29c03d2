// Key-management centre → new phone: the recovered encryption share, encrypted to a transport key
// the new phone generated for this recovery and never sent anywhere else. Bound to the recovery,
// the key share and the joint key, so a delivery cannot be replayed into another recovery.
import { bytesToHex, concatBytes, equalBytes, hexToBytes } from "../encoding";
import { PkiError } from "../errors";
import { decrypt, encrypt } from "../sm2-encrypt";
import { shareToScalar } from "../two-party/two-party-math";
import { ESCROW_VERSION, type TRecoveredShare, ZRecoveredShareSchema } from "./escrow.types";
import { bindingDigest } from "./binding-digest";

type Target = { recoveryId: string; keyShareId: string; publicKey: string };

const binding = (t: Target) => bindingDigest("CertDesk key recovery v1", [t.recoveryId, t.keyShareId, t.publicKey]);

export function sealRecoveredShare(input: Target & { d1: Uint8Array; transportPublicKey: string }): TRecoveredShare {
  shareToScalar(input.d1);
  const plaintext = concatBytes(binding(input), input.d1);
  try {
    const ciphertext = bytesToHex(encrypt(hexToBytes(input.transportPublicKey), plaintext, { format: "c1c3c2" }));
    return { v: ESCROW_VERSION, recoveryId: input.recoveryId, keyShareId: input.keyShareId, publicKey: input.publicKey, ciphertext };
  } finally {
    plaintext.fill(0);
  }
}

/** New phone: the share, after checking the delivery is for the recovery it asked for. */
export function openRecoveredShare(delivery: unknown, expected: Target & { transportPrivateKey: Uint8Array }): Uint8Array {
  const d = ZRecoveredShareSchema.parse(delivery);
  if (d.recoveryId !== expected.recoveryId || d.keyShareId !== expected.keyShareId || d.publicKey !== expected.publicKey) {
    throw new PkiError("invalid_message", "the recovered share is for another recovery");
  }
  const plaintext = decrypt(expected.transportPrivateKey, hexToBytes(d.ciphertext));
  try {
    if (plaintext.length !== 64 || !equalBytes(plaintext.subarray(0, 32), binding(expected))) {
      throw new PkiError("decrypt_failed", "the recovered share is bound to another recovery");
    }
    const d1 = plaintext.slice(32);
    shareToScalar(d1);
    return d1;
  } finally {
    plaintext.fill(0);
  }
}
