import { PkiError } from "@/lib/pki/errors";
import type { Sm2Signer } from "@/lib/pki/signer";
import { sm2Digest } from "@/lib/pki/sm2-digest";
import { signatureFromDevice } from "@/lib/pki/sm2-raw-signature";
import { AppError } from "@/lib/errors";
import type { KeyDevice } from "@/lib/server/ca/key-device.types";

/**
 * The Sm2Signer every certificate, CRL and OCSP builder uses, on top of a device that only signs
 * digests: e = SM3(Z ‖ data) is computed here, the device returns r ‖ s, and the signature is
 * used only if r and s are in [1, n−1] and it verifies under `publicKey` (the key the desk already
 * trusts, not whatever the device says now). Otherwise nothing is signed: an internal error, and a
 * warning naming the device and the key reference (never e, the signature or any key material).
 */
export function custodySigner(input: { device: KeyDevice; keyRef: string; publicKey: Uint8Array }): Sm2Signer {
  const { device, keyRef } = input;
  const publicKey = Uint8Array.from(input.publicKey);
  return {
    publicKey,
    // signatureFromDevice verifies r‖s under publicKey for e of these bytes before anything uses it.
    checksOwnSignatures: true,
    async sign(data) {
      const e = sm2Digest(data, publicKey);
      const raw = await device.signDigest(keyRef, e);
      try {
        return signatureFromDevice(raw, e, publicKey);
      } catch (error) {
        const reason = error instanceof PkiError ? error.message : "unreadable answer";
        console.warn(`[certs] key device "${device.name}" gave a bad signature for ${keyRef} (${reason}); nothing was signed with it`);
        throw new AppError("internal", { userMessage: "errors.internal", cause: error });
      }
    },
  };
}
