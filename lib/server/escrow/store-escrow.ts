import { AppError } from "@/lib/errors";
import { PkiError } from "@/lib/pki/errors";
import { ESCROW_FACTOR_ONE, checkEscrowBinding } from "@/lib/pki/escrow";
import { keyShareAad } from "@/lib/server/keys/key-share-aad";
import type { Tx } from "@/lib/db/client";
import { openSecret } from "@/lib/db/seal";
import { escrowKey } from "./escrow-key";
import { sealEscrowSecret } from "./escrow-secret";

/**
 * At download, in the download's transaction and before the encryption certificate is issued:
 * checks that the phone's envelope escrows exactly this encryption share (checkEscrowBinding, with
 * d2 for the P1 check) to the current KMK, and stores it sealed. A bad envelope refuses the whole
 * download (422): an encryption certificate is never issued for a key that is not escrowed.
 */
export async function storeEscrow(
  tx: Tx,
  input: { orderId: string; signKeyShareId: string; encrypt: { id: string; userId: string; publicKey: string; wrappedShare: string }; envelope: unknown },
) {
  const kmk = escrowKey();
  const d2 = openSecret(input.encrypt.wrappedShare, keyShareAad({ userId: input.encrypt.userId, publicKeyHex: input.encrypt.publicKey }));
  let envelope;
  try {
    envelope = checkEscrowBinding(input.envelope, {
      kmkId: kmk.id,
      orderId: input.orderId,
      signKeyShareId: input.signKeyShareId,
      encryptKeyShareId: input.encrypt.id,
      publicKey: input.encrypt.publicKey,
      d2,
    });
  } catch (error) {
    if (error instanceof PkiError) throw new AppError("validation_failed", { fields: { escrow: ["phone.errors.escrowInvalid"] }, cause: error });
    throw error;
  } finally {
    d2.fill(0);
  }
  await tx.keyEscrow.create({
    data: { keyShareId: input.encrypt.id, kmkId: kmk.id, sealed: sealEscrowSecret(input.encrypt.id, { envelope, factor: ESCROW_FACTOR_ONE }) },
  });
}
