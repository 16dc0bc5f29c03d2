// Speed of the SM2/SM3 primitives in lib/pki, the numbers behind "can one Node process be the
// signing service": single-key sign and verify (noble-based), and the server half of a two-party
// signature, which must stay within reach of a plain signature.
import { utf8ToBytes } from "@/lib/pki/encoding";
import { generateKeyPair, sign, signDigest, sm2Digest, sm2Point, verify } from "@/lib/pki/sm2";
import { sm3 } from "@/lib/pki/sm3";
import { finishKeygen, finishSign, serverKeygen, serverSign, startKeygen, startSign } from "@/lib/pki/two-party";
import { installMultiplyX } from "@/lib/pki/sm2-multiplier";
import { installNativeSm2, nativeMultiplyX } from "@/lib/pki/sm2-native-mul";
import { type BenchResult, opsPerSecond } from "./measure";

export async function runPrimitiveBench(): Promise<BenchResult[]> {
  const { privateKey, publicKey } = generateKeyPair();
  const message = utf8ToBytes("tbsCertificate: a few hundred bytes in practice ".repeat(8));
  const signature = sign(message, privateKey, { publicKey });
  const e = sm2Digest(message, publicKey);

  const signOps = await opsPerSecond(() => sign(message, privateKey, { publicKey }));
  const signDigestOps = await opsPerSecond(() => signDigest(e, privateKey));
  const verifyOps = await opsPerSecond(() => verify(signature, message, publicKey));
  // Keys seen once (more keys than the verifying-key LRU holds): no table for P.
  const cold = Array.from({ length: 600 }, () => {
    const k = generateKeyPair();
    return { publicKey: k.publicKey, signature: sign(message, k.privateKey, { publicKey: k.publicKey }) };
  });
  let next = 0;
  const coldVerifyOps = await opsPerSecond(() => {
    const c = cold[next++ % cold.length]!;
    return verify(c.signature, message, c.publicKey);
  });

  const keygen = startKeygen();
  const server = serverKeygen(keygen.request);
  const jointPublicKey = finishKeygen({ d1: keygen.d1, request: keygen.request, response: server.response });
  const started = startSign({ keyId: keygen.request.keyId, message, publicKey: jointPublicKey });
  // The server half with noble's multiplication (what the browser has), then with OpenSSL's (what
  // a server process installs: sm2-native-mul.ts).
  installMultiplyX(null);
  const serverJsOps = await opsPerSecond(() => serverSign({ d2: server.d2, request: started.request }));
  const hasNative = installNativeSm2();
  const serverOps = await opsPerSecond(() => serverSign({ d2: server.d2, request: started.request }));
  const roundOps = await opsPerSecond(() => {
    const s = startSign({ keyId: keygen.request.keyId, message, publicKey: jointPublicKey });
    const { response } = serverSign({ d2: server.d2, request: s.request });
    return finishSign({ d1: keygen.d1, publicKey: jointPublicKey, ...s, response });
  }, 1500);

  // The two multiplications the server half is made of, to show where its time goes: k3·Q1 is a
  // variable-base multiplication (~256 doublings) and cannot use a precomputed table.
  const Q = sm2Point.fromBytes(publicKey);
  const k = sm2Point.Fn.ORDER - 12345n;
  const fixedBaseOps = await opsPerSecond(() => sm2Point.BASE.multiply(k), 1000);
  const variableBaseOps = await opsPerSecond(() => Q.multiply(k), 1000);
  const nativeVariableBaseOps = hasNative ? await opsPerSecond(() => nativeMultiplyX(k, Q), 1000) : 0;

  const block = new Uint8Array(1 << 20);
  const sm3Ops = await opsPerSecond(() => sm3(block), 1500);

  return [
    { name: "sm2.sign (noble, single key, incl. Z and e)", value: signOps, unit: "ops/s" },
    { name: "sm2.signDigest (noble, single key)", value: signDigestOps, unit: "ops/s" },
    { name: "sm2.verify (noble)", value: verifyOps, unit: "ops/s", note: "a key verified often (a CA's): P has a table" },
    { name: "sm2.verify (noble, key seen once)", value: coldVerifyOps, unit: "ops/s", note: "no table for P" },
    {
      name: "two-party serverSign, noble multiplication (the browser's)",
      value: serverJsOps,
      unit: "ops/s",
      note: `${((100 * serverJsOps) / signOps).toFixed(0)}% of single-key sign`,
    },
    {
      name: "two-party serverSign (server half)",
      value: serverOps,
      unit: "ops/s",
      note: `${hasNative ? "k3·(Q1 + j·G) in OpenSSL" : "no native SM2: noble"}; ${((100 * serverOps) / signOps).toFixed(0)}% of single-key sign, ${(serverOps / serverJsOps).toFixed(1)}× noble's`,
    },
    {
      name: "two-party full signature (both halves + client verify)",
      value: roundOps,
      unit: "ops/s",
      note: "one process, no network",
    },
    { name: "k·G, fixed base (noble CT, blinded, W=8 table)", value: fixedBaseOps, unit: "ops/s" },
    {
      name: "k·Q, variable base (noble CT, blinded)",
      value: variableBaseOps,
      unit: "ops/s",
      note: "serverSign needs one of these plus one k·G",
    },
    { name: "x(k·Q), variable base (OpenSSL ECDH on SM2)", value: nativeVariableBaseOps, unit: "ops/s", note: hasNative ? `${(nativeVariableBaseOps / variableBaseOps).toFixed(1)}× noble's` : "no SM2 in this OpenSSL" },
    { name: "sm3 (1 MiB blocks)", value: sm3Ops, unit: "MiB/s" },
  ];
}
