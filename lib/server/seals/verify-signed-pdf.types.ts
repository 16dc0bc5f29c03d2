// What POST /api/pdf/verify and POST /api/v1/pdf/verify answer (verifySignedPdf), for client components.
export type TPdfSignatureCheck = {
  index: number;
  fieldName: string;
  page: number | null;
  signer: { subject: string; serial: string; issuer: string } | null;
  signingTime: string | null;
  chain: { valid: boolean; reasons: string[] };
  revocation: { status: "good" | "revoked" | "unknown"; revokedAt: string | null; reason: string | null };
  seal: { valid: boolean; reason: string | null; name: string | null; esId: string | null; isBoundToSigner: boolean } | null;
  document: { isUnchanged: boolean; coversWholeFile: boolean; revisionEnd: number | null; byteRange: [number, number, number, number] | null };
  valid: boolean;
  reasons: string[];
};

export type TPdfVerification = { size: number; count: number; valid: boolean; signatures: TPdfSignatureCheck[] };
