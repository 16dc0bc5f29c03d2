// The key-management key (KMK) that encryption-key shares are escrowed to. The desk holds only its
// public key (CERTDESK_KMK_PUBLIC_KEY); the private key is split among the key-management centre's
// custodians (`npm run kmc -- init`) and is put together only by `npm run kmc -- deliver`.
// A demo desk without one generates a demo KMK into DATA_DIR/kmk-demo.json, private key included,
// which is exactly what a real desk must not do (assertProductionConfig refuses to start that way).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, isDemoMode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { bytesToHex, hexToBytes } from "@/lib/pki/encoding";
import { kmkIdOf } from "@/lib/pki/escrow";
import { generateKeyPair, getPublicKey } from "@/lib/pki/sm2";

export type EscrowKey = { id: string; publicKey: string };

type DemoKmk = { publicKey: string; privateKey: string };
let memoryDemo: DemoKmk | undefined;

function demoFile(): string | null {
  const dir = env().DATA_DIR;
  return dir === "memory://" ? null : path.resolve(/*turbopackIgnore: true*/ dir, "kmk-demo.json");
}

function loadDemoKmk(): DemoKmk {
  const file = demoFile();
  if (!file) return (memoryDemo ??= fresh());
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DemoKmk;
  const created = fresh();
  mkdirSync(path.dirname(file), { recursive: true });
  // "wx": two instances starting together do not overwrite each other's key; the loser reads it.
  try {
    writeFileSync(file, JSON.stringify(created), { mode: 0o600, flag: "wx" });
  } catch {
    return JSON.parse(readFileSync(file, "utf8")) as DemoKmk;
  }
  if (env().NODE_ENV !== "test") console.warn(`[escrow] demo desk: a demo key-management key was generated into ${file}, private key included. A real desk sets CERTDESK_KMK_PUBLIC_KEY.`);
  return created;
}

function fresh(): DemoKmk {
  const { privateKey, publicKey } = generateKeyPair();
  return { publicKey: bytesToHex(publicKey), privateKey: bytesToHex(privateKey) };
}

/** The KMK escrows are made to now. */
export function escrowKey(): EscrowKey {
  const configured = env().CERTDESK_KMK_PUBLIC_KEY;
  if (configured) return { id: kmkIdOf(hexToBytes(configured)), publicKey: configured };
  if (!isDemoMode()) throw new AppError("internal", { userMessage: "CERTDESK_KMK_PUBLIC_KEY is not set" });
  const demo = loadDemoKmk();
  return { id: kmkIdOf(hexToBytes(demo.publicKey)), publicKey: demo.publicKey };
}

/** Demo mode only: the demo KMK's private key (for `npm run kmc -- deliver --demo` and tests). */
export function demoKmkPrivateKey(): Uint8Array {
  if (!isDemoMode() || env().CERTDESK_KMK_PUBLIC_KEY) throw new AppError("forbidden", { userMessage: "the demo key-management key exists only on a demo desk without CERTDESK_KMK_PUBLIC_KEY" });
  const key = hexToBytes(loadDemoKmk().privateKey);
  if (bytesToHex(getPublicKey(key)) !== loadDemoKmk().publicKey) throw new AppError("internal", { userMessage: "kmk-demo.json is damaged" });
  return key;
}
