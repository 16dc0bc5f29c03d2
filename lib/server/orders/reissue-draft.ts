/**
 * What a REISSUE order keeps in its draft besides the holder (person / handler, copied from the
 * certificate's order, so holderOfOrder reads it): the signing certificate it replaces, that
 * certificate's order, the encryption certificate whose key is recovered, the key recovery, and the
 * identity check that passed.
 */
export type TReissueDraft = {
  /** needsForm: the channel asked for the stamped 补办申请表 (MaterialKind REISSUE_FORM) before review. */
  reissue?: { certificateId: string; originalOrderId: string; encryptCertificateId: string; recoveryId: string; identityCheckId: string; needsForm?: true };
};

export function readReissueDraft(draft: unknown): TReissueDraft {
  return (draft && typeof draft === "object" ? draft : {}) as TReissueDraft;
}
