import { serverDecrypt, type TDecryptRequest, type TDecryptResponse } from "@/lib/pki/two-party";
import type { Tx } from "@/lib/db/client";
import { runServerHalf, type ServerHalfInput } from "@/lib/server/keys/run-server-half";

/** One server half of a joint decryption (T2 = d2⁻¹·T1), PIN already checked (see runServerHalf). */
export function runDecryptHalf({ record, ...input }: ServerHalfInput<TDecryptRequest> & { record?: (tx: Tx) => Promise<void> }): Promise<TDecryptResponse> {
  return runServerHalf(input, {
    compute: (d2, request) => serverDecrypt({ d2, request }).response,
    record: record && ((tx) => record(tx)),
    audit: () => ({ action: "key.server_decrypt_half", data: {} }),
  });
}
