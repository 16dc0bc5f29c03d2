import { z } from "zod";
import { PkiError } from "@/lib/pki/errors";
import { splitKeyDecrypt } from "@/lib/pki/demo/in-process-two-party";

const ZSharesSchema = z.object({ keyId: z.string(), d1: z.string(), d2: z.string(), publicKey: z.string() });
export const ZDemoSharesFileSchema = z.object({ sign: ZSharesSchema, enc: ZSharesSchema });

/** Jointly decrypts a ciphertext made for the demo's enc.pem, given the text of shares.json. */
export function demoDecrypt(sharesJson: string, ciphertext: Uint8Array): Uint8Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(sharesJson);
  } catch {
    throw new PkiError("invalid_key", "shares.json is not JSON");
  }
  return splitKeyDecrypt(ZDemoSharesFileSchema.parse(parsed).enc, ciphertext);
}
