import { bytesToHex, hexToBytes } from "@/lib/pki/encoding";
import type { Sm2Signer } from "@/lib/pki/signer";
import {
  finishDecrypt,
  finishKeygen,
  jointSigner,
  serverDecrypt,
  serverKeygen,
  serverSign,
  startDecrypt,
  startKeygen,
} from "@/lib/pki/two-party";

// The demo plays both halves of the two-party protocol in one process: the same messages the
// phone and the server exchange over HTTP, passed by function call. Only for the demo and tests:
// holding d1 and d2 together is exactly what the protocol exists to avoid.

/** Both shares of one split key, hex, as written to the demo's shares.json. */
export interface SplitKeyShares {
  keyId: string;
  d1: string;
  d2: string;
  publicKey: string;
}

export function createSplitKey(keyId: string): SplitKeyShares {
  const { d1, request } = startKeygen({ keyId });
  const server = serverKeygen(request);
  const publicKey = finishKeygen({ d1, request, response: server.response });
  return { keyId, d1: bytesToHex(d1), d2: bytesToHex(server.d2), publicKey: bytesToHex(publicKey) };
}

export function splitKeySigner(shares: SplitKeyShares): Sm2Signer {
  const d2 = hexToBytes(shares.d2);
  return jointSigner({
    keyId: shares.keyId,
    d1: hexToBytes(shares.d1),
    publicKey: hexToBytes(shares.publicKey),
    roundTrip: async (request) => serverSign({ d2, request }).response,
  });
}

/** Joint decryption of an SM2 ciphertext (OpenSSL's DER form or C1C3C2) made for the split key. */
export function splitKeyDecrypt(shares: SplitKeyShares, ciphertext: Uint8Array): Uint8Array {
  const started = startDecrypt({ keyId: shares.keyId, d1: hexToBytes(shares.d1), ciphertext });
  const { response } = serverDecrypt({ d2: hexToBytes(shares.d2), request: started.request });
  return finishDecrypt({ ...started, response });
}
