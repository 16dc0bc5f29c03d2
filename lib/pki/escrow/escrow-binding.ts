import type { TEscrowEnvelope } from "./escrow.types";
import { bindingDigest } from "./binding-digest";

/** What an escrow ciphertext is bound to: every clear field of its envelope. */
export function escrowBinding(e: Omit<TEscrowEnvelope, "ciphertext" | "v">): Uint8Array {
  return bindingDigest("CertDesk key escrow v1", [e.kmkId, e.orderId, e.signKeyShareId, e.encryptKeyShareId, e.publicKey, e.P1]);
}
