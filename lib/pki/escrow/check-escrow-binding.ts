// Desk, at download: is this envelope the escrow of exactly this encryption share? The desk cannot
// open the ciphertext (only the key-management key can); it checks everything else: the KMK, the
// order and both shares named, the joint key, the ciphertext's shape and C1, and that P1 is the
// phone's contribution to this key: P1 = d2·(P + G), since keygen made P = d2⁻¹·P1 − G. So the
// key-management centre, which checks d1⁻¹·G = P1 when it opens the envelope, can never recover a
// share of another key from it.
import { hexToBytes } from "../encoding";
import { PkiError } from "../errors";
import { pointFromBytes, sm2Point } from "../sm2-curve";
import { hexToPoint, shareToScalar } from "../two-party/two-party-math";
import { type TEscrowEnvelope, ZEscrowEnvelopeSchema } from "./escrow.types";

export function checkEscrowBinding(
  envelope: unknown,
  expected: { kmkId: string; orderId: string; signKeyShareId: string; encryptKeyShareId: string; publicKey: string; d2: Uint8Array },
): TEscrowEnvelope {
  const parsed = ZEscrowEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) throw new PkiError("invalid_message", "escrow envelope is malformed");
  const e = parsed.data;
  const mismatch = (what: string) => new PkiError("invalid_message", `escrow envelope names another ${what}`);
  if (e.kmkId !== expected.kmkId) throw mismatch("key-management key");
  if (e.orderId !== expected.orderId) throw mismatch("order");
  if (e.signKeyShareId !== expected.signKeyShareId || e.encryptKeyShareId !== expected.encryptKeyShareId) throw mismatch("key share");
  if (e.publicKey !== expected.publicKey) throw mismatch("public key");
  // C1 must be a curve point (pointFromBytes throws otherwise): a garbage ciphertext is refused now.
  pointFromBytes(hexToBytes(e.ciphertext.slice(0, 130)));
  const P = hexToPoint(e.publicKey, "publicKey");
  const P1 = P.add(sm2Point.BASE).multiply(shareToScalar(expected.d2));
  if (!P1.equals(hexToPoint(e.P1, "P1"))) throw mismatch("phone share (P1)");
  return e;
}
