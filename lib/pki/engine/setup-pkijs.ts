import * as pkijs from "pkijs";
import { Sm2CryptoEngine } from "@/lib/pki/engine/sm2-crypto-engine";

let engine: Sm2CryptoEngine | undefined;

/**
 * Installs the SM2 engine as pkijs' global engine (once) and returns it. Every lib/pki function
 * also passes the engine explicitly, but pkijs looks the global one up internally in a few
 * places (default arguments), so it must be ours too. Safe to call any number of times.
 */
export function setupPkijs(): Sm2CryptoEngine {
  if (!engine) engine = new Sm2CryptoEngine();
  const current = safeGetEngine();
  if (current !== engine) pkijs.setEngine(engine.name, engine);
  return engine;
}

function safeGetEngine(): unknown {
  try {
    return pkijs.getEngine().crypto;
  } catch {
    return undefined;
  }
}
