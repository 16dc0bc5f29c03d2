// What a CA key store must do, and nothing more. A hardware security module (PKCS#11, or GM/T 0018
// SDF) generates the key inside and signs a digest the host computed; it never gives the private
// key out, so there is no operation here that could return one. Everything that needs trust in the
// answer (Z and e, range checks, DER, verification under the known public key) is done on the host,
// in custody-signer.ts, once for every device.
import type { Db, Tx } from "@/lib/db/client";
import type { Sm2Signer } from "@/lib/pki/signer";

export interface DeviceKey {
  /** Stable name of the key inside the device (stored in CertificateAuthority.keyRef). */
  keyRef: string;
  /** 65-byte uncompressed SM2 public key. */
  publicKey: Uint8Array;
  /** What the caller stores in CertificateAuthority.wrappedKey: the sealed key of a software device, null for an HSM. */
  wrappedKey: string | null;
}

/** The primitive operations of a key store: SDF_GenerateKeyPair_ECC / C_GenerateKeyPair and SDF_InternalSign_ECC / C_Sign(CKM_SM2). */
export interface KeyDevice {
  readonly name: string;
  /** A new SM2 key pair generated inside the device; `label` names its use (root, issuing, ocsp). */
  generateKey(label: string): Promise<DeviceKey>;
  /**
   * The raw SM2 signature r ‖ s (64 bytes, big-endian) of the 32-byte digest e = SM3(Z ‖ M) the
   * host computed. The host checks the answer before any use.
   */
  signDigest(keyRef: string, e: Uint8Array): Promise<Uint8Array>;
  /**
   * Optional: the public key the device holds under keyRef (SDF_ExportSignPublicKey_ECC /
   * C_GetAttributeValue(CKA_EC_POINT)). The host compares it with the key it already trusts. A
   * software device also loads its sealed key here, through `client` so that a transaction sees
   * the CA row it has just written; a hardware device ignores `client`.
   */
  publicKey?(keyRef: string, client: Db | Tx): Promise<Uint8Array>;
}

/** What the CA code uses: keys by reference and an Sm2Signer for each, whatever device holds them. */
export interface KeyCustody {
  readonly name: string;
  createKey(label: string): Promise<DeviceKey>;
  /** A signer for the key; `client` lets a transaction see the CA row it has just written. */
  signer(keyRef: string, client?: Db | Tx): Promise<Sm2Signer>;
}
