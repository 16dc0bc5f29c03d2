import { AppError } from "@/lib/errors";
import { bigIntToBytes, bytesToHex } from "@/lib/pki/encoding";
import { combineShares } from "@/lib/pki/escrow";
import { getPublicKey } from "@/lib/pki/sm2";
import { openKmkShare } from "./kmk-share-file";

/**
 * Puts the KMK's private key together from custodians' share files (each with its passphrase):
 * refuses shares of different keys, repeated shares and fewer than the threshold, and checks the
 * result against the public key the files name. The caller wipes the key after use.
 */
export function openKmk(input: { files: unknown[]; passphrases: string[] }): { id: string; publicKey: string; privateKey: Uint8Array } {
  if (input.files.length !== input.passphrases.length) throw new AppError("validation_failed", { userMessage: "one passphrase per share file" });
  const opened = input.files.map((file, i) => openKmkShare(file, input.passphrases[i]));
  if (opened.length === 0) throw new AppError("validation_failed", { userMessage: "no share files given" });
  const first = opened[0].header;
  if (opened.some((o) => o.header.kmkId !== first.kmkId || o.header.publicKey !== first.publicKey || o.header.threshold !== first.threshold)) {
    throw new AppError("validation_failed", { userMessage: "the share files belong to different key-management keys" });
  }
  if (new Set(opened.map((o) => o.share.x)).size !== opened.length) throw new AppError("validation_failed", { userMessage: "the same share was given twice" });
  if (opened.length < first.threshold) {
    throw new AppError("validation_failed", { userMessage: `key-management key ${first.kmkId} needs ${first.threshold} of ${first.total} custodians, ${opened.length} given` });
  }
  const privateKey = bigIntToBytes(combineShares(opened.map((o) => o.share)), 32);
  if (bytesToHex(getPublicKey(privateKey)) !== first.publicKey) {
    privateKey.fill(0);
    throw new AppError("internal", { userMessage: "the shares do not rebuild the key-management key (a damaged share?)" });
  }
  return { id: first.kmkId, publicKey: first.publicKey, privateKey };
}
