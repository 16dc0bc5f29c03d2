// Where CA private keys live. The default keeps each key sealed under the KEK in its
// CertificateAuthority row; an HSM implementation would keep the key inside the device and
// return only a reference, so nothing above this interface may assume the key bytes exist.
import type { Db, Tx } from "@/lib/server/db/client";
import type { Sm2Signer } from "@/lib/pki/signer";
import { localKeyCustody } from "./local-key-custody";

export interface CustodyKey {
  /** Stable name of the key inside the custody (stored in CertificateAuthority.keyRef). */
  keyRef: string;
  /** 65-byte uncompressed SM2 public key. */
  publicKey: Uint8Array;
  /** What the caller stores in CertificateAuthority.wrappedKey: the sealed key, or null for an HSM. */
  wrappedKey: string | null;
}

export interface KeyCustody {
  readonly name: string;
  createKey(label: string): Promise<CustodyKey>;
  /** A signer for the key; `client` lets a transaction see the CA row it has just written. */
  signer(keyRef: string, client?: Db | Tx): Promise<Sm2Signer>;
}

/** The custody in use. Only the local one exists today; an HSM one would be chosen by env here. */
export function keyCustody(): KeyCustody {
  return localKeyCustody;
}
