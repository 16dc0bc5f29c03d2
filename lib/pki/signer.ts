// One signing interface for a key held in this process and for a two-party key whose halves sit on
// the phone and the server: certificate, CRL, OCSP and CMS builders take an Sm2Signer and do not
// care which it is.
import { getPublicKey, sign } from "./sm2";

export interface Sm2Signer {
  /** 65-byte uncompressed SEC1 public key. */
  publicKey: Uint8Array;
  /** DER SM2 signature over SM3(Z || data), Z computed with the default ID "1234567812345678". */
  sign(data: Uint8Array): Promise<Uint8Array>;
  /**
   * True when sign() itself verifies every signature under publicKey over the very bytes it was
   * given before returning it (the CA's custody signer): builders need not verify it a second time.
   */
  checksOwnSignatures?: boolean;
}

export function localSigner(privateKey: Uint8Array): Sm2Signer {
  const secret = Uint8Array.from(privateKey);
  const publicKey = getPublicKey(secret);
  return {
    publicKey,
    sign: async (data) => sign(data, secret, { publicKey }),
  };
}
