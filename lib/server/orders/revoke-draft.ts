/** What a REVOKE order keeps in its draft besides the wizard steps' data: the certificate it revokes. */
export type TRevokeDraft = { revoke?: { certificateId: string } };

export function readRevokeDraft(draft: unknown): TRevokeDraft {
  return (draft && typeof draft === "object" ? draft : {}) as TRevokeDraft;
}
