// OpenSSL is the independent oracle for the PKI tests: every helper shells out to the `openssl`
// binary in a throwaway directory.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "certdesk-pki-"));
}

export function openssl(args: string[], input?: Uint8Array): Uint8Array {
  return execFileSync("openssl", args, { input, stdio: ["pipe", "pipe", "pipe"] });
}

/** Like `openssl` but reports success instead of throwing (for verify commands). */
export function opensslOk(args: string[]): boolean {
  try {
    openssl(args);
    return true;
  } catch {
    return false;
  }
}

function hexBlock(text: string, label: string): Uint8Array {
  const match = new RegExp(`${label}:\\s*\\n((?:\\s+[0-9a-f:]+\\n)+)`).exec(text);
  if (!match) throw new Error(`no ${label} in openssl output`);
  return Uint8Array.from(Buffer.from(match[1].replace(/[\s:]/g, ""), "hex"));
}

export interface OpensslKey {
  dir: string;
  keyPath: string;
  pubPath: string;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/** A fresh SM2 key made by OpenSSL, with its raw scalar and point read back from `pkey -text`. */
export function opensslSm2Key(dir = makeTempDir()): OpensslKey {
  const keyPath = path.join(dir, "key.pem");
  const pubPath = path.join(dir, "pub.pem");
  openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", keyPath]);
  openssl(["pkey", "-in", keyPath, "-pubout", "-out", pubPath]);
  const text = Buffer.from(openssl(["pkey", "-in", keyPath, "-text", "-noout"])).toString("utf8");
  const priv = hexBlock(text, "priv");
  const privateKey = new Uint8Array(32);
  const trimmed = priv.subarray(Math.max(0, priv.length - 32));
  privateKey.set(trimmed, 32 - trimmed.length);
  return { dir, keyPath, pubPath, privateKey, publicKey: hexBlock(text, "pub") };
}

export function writeTemp(dir: string, name: string, data: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

export const DISTID = ["-pkeyopt", "distid:1234567812345678"];

export function opensslVerifySm2(pubPath: string, message: Uint8Array, signature: Uint8Array): boolean {
  const dir = makeTempDir();
  const msg = writeTemp(dir, "msg", message);
  const sig = writeTemp(dir, "sig", signature);
  return opensslOk([
    "pkeyutl", "-verify", "-pubin", "-inkey", pubPath, "-rawin", "-digest", "sm3", ...DISTID, "-in", msg, "-sigfile", sig,
  ]);
}

export function opensslSignSm2(keyPath: string, message: Uint8Array): Uint8Array {
  const dir = makeTempDir();
  const msg = writeTemp(dir, "msg", message);
  return openssl(["pkeyutl", "-sign", "-inkey", keyPath, "-rawin", "-digest", "sm3", ...DISTID, "-in", msg]);
}
