import { bytesToHex } from "../encoding";
import { sm3 } from "../sm3";

/** A key-management key's id: SM3 over its 65-byte public key, first 8 bytes in hex. */
export function kmkIdOf(publicKey: Uint8Array): string {
  return bytesToHex(sm3(publicKey)).slice(0, 16);
}
