// The offline root's key file on disk: written once (never over an existing file, mode 0600),
// read only by the `npm run ca` commands with the passphrase given at that moment.
import { constants, openSync, closeSync, fsyncSync, writeSync, readFileSync } from "node:fs";
import { AppError } from "@/lib/errors";
import { PkiError } from "@/lib/pki/errors";
import { decryptPrivateKey } from "@/lib/pki/pkcs8/decrypt-private-key";
import { encryptPrivateKey } from "@/lib/pki/pkcs8/encrypt-private-key";
import { localSigner, type Sm2Signer } from "@/lib/pki/signer";

/** Encrypts the key and writes it to a new file; refuses to overwrite anything. */
export async function writeRootKeyFile(input: { file: string; privateKey: Uint8Array; passphrase: string; iterations?: number }): Promise<void> {
  const { pem } = await encryptPrivateKey({ privateKey: input.privateKey, passphrase: input.passphrase, iterations: input.iterations });
  let fd: number;
  try {
    fd = openSync(input.file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new AppError("conflict", { userMessage: `${input.file} already exists; the root key file is never overwritten (choose a new path)` });
    throw new AppError("bad_request", { userMessage: `cannot create ${input.file}: ${code ?? (error as Error).message}`, cause: error });
  }
  try {
    writeSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Opens the key file with the passphrase; the returned signer holds the key in memory only. */
export async function readRootKeyFile(input: { file: string; passphrase: string }): Promise<Sm2Signer> {
  let pem: string;
  try {
    pem = readFileSync(input.file, "utf8");
  } catch (error) {
    throw new AppError("not_found", { userMessage: `cannot read the root key file ${input.file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`, cause: error });
  }
  try {
    const key = await decryptPrivateKey({ pem, passphrase: input.passphrase });
    const signer = localSigner(key.privateKey);
    key.privateKey.fill(0);
    return signer;
  } catch (error) {
    if (!(error instanceof PkiError)) throw error;
    if (error.code === "decrypt_failed") throw new AppError("forbidden", { userMessage: `wrong passphrase for ${input.file}`, cause: error });
    throw new AppError("bad_request", { userMessage: `${input.file} is not an SM2 root key file: ${error.message}`, cause: error });
  }
}
