// What the host-side checks of the key custody cost (lib/server/ca/custody-signer.ts): every CA
// signature goes through a KeyDevice that returns r ‖ s, and is verified under the CA's public key
// before use. Compared with signing in process without that verification (localSigner), for the
// bare signature and for a whole end-entity certificate (whose builder also verifies, through pkijs)
// and a nonce OCSP answer (signed on every request; its builder does not verify).
import { utf8ToBytes } from "@/lib/pki/encoding";
import { generateKeyPair, signDigest } from "@/lib/pki/sm2";
import { derSignatureToRaw } from "@/lib/pki/sm2-raw-signature";
import { localSigner, type Sm2Signer } from "@/lib/pki/signer";
import { buildRootCaCertificate } from "@/lib/pki/x509/build-root-ca-certificate";
import { buildEndEntityCertificate } from "@/lib/pki/x509/build-end-entity-certificate";
import { buildOcspRequest } from "@/lib/pki/ocsp/build-ocsp-request";
import { buildOcspResponse } from "@/lib/pki/ocsp/build-ocsp-response";
import { DEMO_ORG, DEMO_URLS, DEMO_USCC, demoValidity } from "@/lib/pki/demo/demo-profile";
import type { KeyDevice } from "@/lib/server/ca/key-device.types";
import { custodySigner } from "@/lib/server/ca/custody-signer";
import { type BenchResult, opsPerSecond } from "./measure";

export async function runKeyCustodyBench(): Promise<BenchResult[]> {
  const ca = generateKeyPair();
  // The local device's signing step (local-key-custody.ts) without its database: a key in memory.
  const device: KeyDevice = {
    name: "bench",
    generateKey: async () => ({ keyRef: "bench", publicKey: ca.publicKey, wrappedKey: null }),
    signDigest: async (_keyRef, e) => derSignatureToRaw(signDigest(e, ca.privateKey)),
  };
  const plain = localSigner(ca.privateKey);
  const checked = custodySigner({ device, keyRef: "bench", publicKey: ca.publicKey });

  const now = new Date();
  const root = await buildRootCaCertificate({ subject: { organizationName: "Bench", commonName: "Bench CA" }, validity: demoValidity(now, 3650) }, { signer: plain });
  const leafKey = generateKeyPair().publicKey;
  const leaf = (signer: Sm2Signer) =>
    buildEndEntityCertificate(
      { subject: { type: "unit", organizationName: DEMO_ORG, uscc: DEMO_USCC }, usage: "signing", publicKey: leafKey, validity: demoValidity(now, 365), urls: DEMO_URLS.issuing },
      { certificate: root.der, signer },
    );
  const someLeaf = await leaf(plain);
  const ocsp = (signer: Sm2Signer) =>
    buildOcspResponse({
      request: buildOcspRequest({ certificate: someLeaf.der, issuer: root.der, options: { nonce: true } }).der,
      issuers: [root.der],
      lookup: () => ({ status: "good" }),
      responder: { certificate: root.der, signer },
    });

  const message = utf8ToBytes("tbsCertificate: a few hundred bytes in practice ".repeat(8));
  const rows: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
    ["signature", () => plain.sign(message), () => checked.sign(message)],
    ["end-entity certificate", () => leaf(plain), () => leaf(checked)],
    ["OCSP answer with a nonce", () => ocsp(plain), () => ocsp(checked)],
  ];
  const results: BenchResult[] = [];
  for (const [what, withoutCheck, withCheck] of rows) {
    const before = await opsPerSecond(withoutCheck, 1500);
    const after = await opsPerSecond(withCheck, 1500);
    results.push({ name: `${what}: in-process signer, no host check`, value: before, unit: "ops/s" });
    results.push({
      name: `${what}: KeyDevice r‖s + host verify`,
      value: after,
      unit: "ops/s",
      note: `${(1000 / after - 1000 / before).toFixed(2)} ms more each (${((100 * after) / before).toFixed(0)}% of the rate)`,
    });
  }
  return results;
}
