import { AppError } from "@/lib/errors";
import { bytesToBigInt, bytesToHex } from "@/lib/pki/encoding";
import { kmkIdOf, splitSecret } from "@/lib/pki/escrow";
import { generateKeyPair } from "@/lib/pki/sm2";
import { sealKmkShare, assertPassphrase, type TKmkShareFile } from "./kmk-share-file";

/**
 * Key-management centre ceremony: a new KMK, its private key split M of N (Shamir over GF(n)),
 * one share file per custodian under that custodian's passphrase. The private key exists only in
 * this call's memory and is wiped; the desk is given the public key.
 */
export function createKmk(input: { threshold: number; passphrases: string[] }): { id: string; publicKey: string; files: TKmkShareFile[] } {
  const total = input.passphrases.length;
  if (input.threshold < 1 || input.threshold > total) throw new AppError("validation_failed", { userMessage: `threshold must be between 1 and the number of custodians (${total})` });
  if (new Set(input.passphrases).size !== total) throw new AppError("validation_failed", { userMessage: "each custodian needs a passphrase of their own" });
  input.passphrases.forEach(assertPassphrase);
  const { privateKey, publicKey } = generateKeyPair();
  const secret = bytesToBigInt(privateKey);
  privateKey.fill(0);
  const shares = splitSecret(secret, input.threshold, total);
  const header = { kmkId: kmkIdOf(publicKey), publicKey: bytesToHex(publicKey), threshold: input.threshold, total };
  const files = shares.map((share, i) => sealKmkShare(header, share, input.passphrases[i]));
  return { id: header.kmkId, publicKey: header.publicKey, files };
}
