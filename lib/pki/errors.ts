// lib/pki is pure (it also runs in the phone app), so it cannot depend on the app's AppError.
// Callers map these stable codes to their own error type.
export type PkiErrorCode =
  | "invalid_key"
  | "invalid_point"
  | "invalid_signature"
  | "invalid_der"
  | "invalid_ciphertext"
  | "invalid_message"
  | "decrypt_failed"
  | "sign_failed";

export class PkiError extends Error {
  readonly code: PkiErrorCode;

  constructor(code: PkiErrorCode, message: string) {
    super(message);
    this.name = "PkiError";
    this.code = code;
  }
}
