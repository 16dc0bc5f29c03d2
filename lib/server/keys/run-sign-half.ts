import { serverSign, type TSignRequest, type TSignResponse } from "@/lib/pki/two-party";
import type { Tx } from "@/lib/db/client";
import { runServerHalf, type ServerHalfInput } from "@/lib/server/keys/run-server-half";
import { installNativeSm2 } from "@/lib/pki/sm2-native-mul";

// The server half's variable-base multiplication runs in OpenSSL (sm2-native-mul.ts).
installNativeSm2();

/**
 * One server half of a joint signature, for a request whose e the caller has recomputed
 * (assertSignsMessage) and whose PIN or session it has checked (see runServerHalf). The audit row
 * carries e and r.
 */
export function runSignHalf({ record, ...input }: ServerHalfInput<TSignRequest> & { record?: (tx: Tx, half: { r: string }) => Promise<void> }): Promise<TSignResponse> {
  return runServerHalf(input, {
    compute: (d2, request) => serverSign({ d2, request }).response,
    record: record && ((tx, response) => record(tx, { r: response.r })),
    audit: (response) => ({ action: "key.server_half", data: { e: input.request.e, r: response.r } }),
  });
}
