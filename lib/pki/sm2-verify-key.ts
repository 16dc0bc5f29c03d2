// Verification keys that come back get a multiplication table. A CA's key checks every
// certificate, CRL and OCSP answer it signed, and a holder's key every signature of theirs; SM2
// verification is s·G + t·P, and G already has a table (sm2-curve.ts). After a few uses a key is
// given one too (window 6: about 25 ms once, some 250 KB), which makes a verification about four
// times faster. The tables are bounded: a few hot keys, an LRU of recently seen ones.
import { bytesToHex } from "./encoding";
import { pointFromBytes, type Sm2Point } from "./sm2-curve";

const HOT_AFTER = 4;
const MAX_SEEN = 512;
const MAX_HOT = 16;
const WINDOW = 6;

type Entry = { point: Sm2Point; uses: number; isHot: boolean };
const seen = new Map<string, Entry>();
let hotCount = 0;

function drop(key: string, entry: Entry) {
  seen.delete(key);
  if (entry.isHot) hotCount--;
}

function makeHot(entry: Entry) {
  if (hotCount >= MAX_HOT) {
    // Map order is least recently used first: the coldest hot key gives up its table.
    for (const [key, other] of seen) {
      if (other.isHot) {
        drop(key, other);
        break;
      }
    }
  }
  entry.point.precompute(WINDOW);
  entry.isHot = true;
  hotCount++;
}

/** The validated point for an SEC1-encoded public key, with a table once the key is used often. */
export function verifyingPoint(publicKey: Uint8Array): Sm2Point {
  const key = bytesToHex(publicKey);
  let entry = seen.get(key);
  if (entry) {
    seen.delete(key); // re-inserted below: most recently used last
  } else {
    entry = { point: pointFromBytes(publicKey), uses: 0, isHot: false };
    if (seen.size >= MAX_SEEN) {
      const [oldKey, oldEntry] = seen.entries().next().value!;
      drop(oldKey, oldEntry);
    }
  }
  seen.set(key, entry);
  entry.uses++;
  if (!entry.isHot && entry.uses >= HOT_AFTER) makeHot(entry);
  return entry.point;
}

/** For tests and the bench: how many keys are tracked and how many have a table. */
export function verifyingKeyStats() {
  return { seen: seen.size, hot: hotCount, limits: { seen: MAX_SEEN, hot: MAX_HOT, hotAfter: HOT_AFTER } };
}
