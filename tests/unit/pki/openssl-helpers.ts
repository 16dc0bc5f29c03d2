// OpenSSL 3 as the independent oracle. Its high-level commands apply the SM2 distinguishing ID
// only to a leaf certificate (openssl issue 23471), so every other signature is checked the way
// PKI-NOTES describes: asn1parse finds the signed bytes and the signature, pkeyutl verifies them
// with the GM/T default ID.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DIST_ID = "1234567812345678";

export interface OpensslResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function openssl(args: string[], opts: { cwd?: string; input?: Uint8Array } = {}): OpensslResult {
  const run = spawnSync("openssl", args, { cwd: opts.cwd, input: opts.input, encoding: "utf8" });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** Like openssl() but throws with OpenSSL's own message when the command fails. */
export function opensslOk(args: string[], opts: { cwd?: string; input?: Uint8Array } = {}): string {
  const result = openssl(args, opts);
  if (result.status !== 0) throw new Error(`openssl ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

export interface Asn1Node {
  offset: number;
  depth: number;
  headerLength: number;
  length: number;
  constructed: boolean;
  type: string;
  value: string;
}

const LINE = /^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)\s+(prim|cons):\s*(.*?)\s*(?::(.*))?$/;

/** `openssl asn1parse -inform DER` as a list of nodes (offsets are OpenSSL's, not ours). */
export function asn1parse(derFile: string): Asn1Node[] {
  return opensslOk(["asn1parse", "-inform", "DER", "-in", derFile])
    .split("\n")
    .map((line) => LINE.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      offset: Number(m[1]),
      depth: Number(m[2]),
      headerLength: Number(m[3]),
      length: Number(m[4]),
      constructed: m[5] === "cons",
      // "OCTET STRING      [HEX DUMP]:30..." keeps the hex in value.
      type: m[6].replace(/\s*\[HEX DUMP\]$/, "").trim(),
      value: (m[7] ?? "").trim(),
    }));
}

/** Writes the DER object at `offset` (or the contents of a BIT/OCTET STRING there) to `outFile`. */
export function strparse(derFile: string, offset: number, outFile: string): string {
  opensslOk(["asn1parse", "-inform", "DER", "-in", derFile, "-strparse", String(offset), "-noout", "-out", outFile]);
  return outFile;
}

/**
 * For SEQUENCE { tbs, AlgorithmIdentifier, BIT STRING } (certificate, CRL, BasicOCSPResponse):
 * the TBS bytes and the DER signature, as files next to `derFile`.
 */
export function extractSignedParts(derFile: string): { tbs: string; sig: string; algorithmNode: Asn1Node } {
  const top = asn1parse(derFile).filter((n) => n.depth === 1);
  const [tbsNode, algorithmNode, sigNode] = top;
  if (!tbsNode || !sigNode || sigNode.type !== "BIT STRING") throw new Error(`${derFile}: not a signed structure`);
  return { tbs: strparse(derFile, tbsNode.offset, `${derFile}.tbs`), sig: strparse(derFile, sigNode.offset, `${derFile}.sig`), algorithmNode };
}

/** The BasicOCSPResponse inside an OCSPResponse's responseBytes, written to `<respFile>.basic`. */
export function extractBasicOcspResponse(respFile: string): string {
  const node = asn1parse(respFile).find((n) => n.depth === 3 && n.type === "OCTET STRING");
  if (!node) throw new Error(`${respFile}: no responseBytes`);
  return strparse(respFile, node.offset, `${respFile}.basic`);
}

/**
 * For a CMS SignedData with one signer: the signed attributes re-tagged as a DER SET (the bytes the
 * signature covers, RFC 5652 5.4), the signature, and the messageDigest attribute value in hex.
 */
export function extractCmsSignedAttributes(p7sFile: string): { tbs: string; sig: string; messageDigestHex: string } {
  const nodes = asn1parse(p7sFile);
  const signerInfosIndex = nodes.findLastIndex((n) => n.depth === 3 && n.type === "SET");
  const signerFields = nodes.slice(signerInfosIndex).filter((n) => n.depth === 5);
  const attrs = signerFields.find((n) => n.type === "cont [ 0 ]");
  const sig = signerFields.find((n) => n.type === "OCTET STRING");
  if (!attrs || !sig) throw new Error(`${p7sFile}: no signed attributes`);
  const bytes = readFileSync(p7sFile).subarray(attrs.offset, attrs.offset + attrs.headerLength + attrs.length);
  const set = Uint8Array.from(bytes);
  set[0] = 0x31;
  writeFileSync(`${p7sFile}.tbs`, set);
  const digestIndex = nodes.findIndex((n) => n.type === "OBJECT" && n.value === "messageDigest");
  const digestNode = nodes.slice(digestIndex).find((n) => n.type === "OCTET STRING");
  return {
    tbs: `${p7sFile}.tbs`,
    sig: strparse(p7sFile, sig.offset, `${p7sFile}.sig`),
    messageDigestHex: (digestNode?.value ?? "").toLowerCase(),
  };
}

/** `openssl pkeyutl -verify` over raw data with SM3 and the GM/T default ID. */
export function pkeyutlVerify(publicKeyPem: string, tbsFile: string, sigFile: string): OpensslResult {
  return openssl([
    "pkeyutl", "-verify", "-pubin", "-inkey", publicKeyPem, "-rawin", "-digest", "sm3",
    "-pkeyopt", `distid:${DIST_ID}`, "-in", tbsFile, "-sigfile", sigFile,
  ]);
}

export function isVerifiedByPkeyutl(publicKeyPem: string, tbsFile: string, sigFile: string): boolean {
  const result = pkeyutlVerify(publicKeyPem, tbsFile, sigFile);
  return result.status === 0 && result.stdout.includes("Signature Verified Successfully");
}

/** The subject public key of a PEM certificate, as a PEM file for pkeyutl -pubin. */
export function publicKeyOf(certPem: string): string {
  const out = `${certPem}.pub.pem`;
  opensslOk(["x509", "-in", certPem, "-pubkey", "-noout", "-out", out]);
  return out;
}

/** PEM certificate to a DER file next to it. */
export function certToDer(certPem: string): string {
  const out = certPem.replace(/\.pem$/, ".der");
  opensslOk(["x509", "-in", certPem, "-outform", "DER", "-out", out]);
  return out;
}

/** A copy of `file` with one byte XOR-ed, at `offset` (default: the middle). */
export function flipByte(file: string, offset?: number): string {
  const bytes = Uint8Array.from(readFileSync(file));
  const at = offset ?? Math.floor(bytes.length / 2);
  bytes[at] ^= 0x01;
  const out = path.join(path.dirname(file), `tampered-${path.basename(file)}`);
  writeFileSync(out, bytes);
  return out;
}

/** Full route for a certificate, CRL or BasicOCSPResponse in DER: extract, then pkeyutl. */
export function opensslVerifiesSignature(derFile: string, publicKeyPem: string): boolean {
  const { tbs, sig } = extractSignedParts(derFile);
  return isVerifiedByPkeyutl(publicKeyPem, tbs, sig);
}
