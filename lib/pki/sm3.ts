// SM3 (GB/T 32905-2016) on noble's Merkle–Damgård base, so it gets the same streaming,
// clone and HMAC support as noble's SHA-256. `_md.js` is semi-internal: @noble/hashes is pinned.
import { HashMD } from "@noble/hashes/_md.js";
import { hmac } from "@noble/hashes/hmac.js";
import { clean, createHasher, rotl } from "@noble/hashes/utils.js";

const IV = Uint32Array.from([
  0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e,
]);

// T_j <<< (j mod 32), precomputed once instead of rotating inside every round.
const T_ROT = Int32Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));

const W = new Int32Array(68);

const p0 = (x: number) => x ^ rotl(x, 9) ^ rotl(x, 17);
const p1 = (x: number) => x ^ rotl(x, 15) ^ rotl(x, 23);

export class Sm3 extends HashMD<Sm3> {
  // Numeric initialisers keep V8's field representation as small integers (see noble's sha2).
  private A = 0;
  private B = 0;
  private C = 0;
  private D = 0;
  private E = 0;
  private F = 0;
  private G = 0;
  private H = 0;

  constructor() {
    super(64, 32, 8, false);
    this.set(IV[0], IV[1], IV[2], IV[3], IV[4], IV[5], IV[6], IV[7]);
  }

  protected get(): number[] {
    const { A, B, C, D, E, F, G, H } = this;
    return [A, B, C, D, E, F, G, H];
  }

  protected set(A: number, B: number, C: number, D: number, E: number, F: number, G: number, H: number): void {
    this.A = A | 0;
    this.B = B | 0;
    this.C = C | 0;
    this.D = D | 0;
    this.E = E | 0;
    this.F = F | 0;
    this.G = G | 0;
    this.H = H | 0;
  }

  _cloneInto(to?: Sm3): Sm3 {
    const target = to ?? new Sm3();
    const [A, B, C, D, E, F, G, H] = this.get();
    target.set(A, B, C, D, E, F, G, H);
    return this._cloneIntoMeta(target);
  }

  protected process(view: DataView, offset: number): void {
    for (let i = 0; i < 16; i++, offset += 4) W[i] = view.getUint32(offset, false);
    for (let j = 16; j < 68; j++) {
      W[j] = p1(W[j - 16] ^ W[j - 9] ^ rotl(W[j - 3], 15)) ^ rotl(W[j - 13], 7) ^ W[j - 6];
    }
    let { A, B, C, D, E, F, G, H } = this;
    for (let j = 0; j < 64; j++) {
      const a12 = rotl(A, 12);
      const ss1 = rotl((a12 + E + T_ROT[j]) | 0, 7);
      const ss2 = ss1 ^ a12;
      const wj = W[j];
      const wj1 = wj ^ W[j + 4];
      const ff = j < 16 ? A ^ B ^ C : (A & B) | (A & C) | (B & C);
      const gg = j < 16 ? E ^ F ^ G : (E & F) | (~E & G);
      const tt1 = (ff + D + ss2 + wj1) | 0;
      const tt2 = (gg + H + ss1 + wj) | 0;
      D = C;
      C = rotl(B, 9);
      B = A;
      A = tt1;
      H = G;
      G = rotl(F, 19);
      F = E;
      E = p0(tt2);
    }
    this.set(A ^ this.A, B ^ this.B, C ^ this.C, D ^ this.D, E ^ this.E, F ^ this.F, G ^ this.G, H ^ this.H);
  }

  protected roundClean(): void {
    clean(W);
  }

  destroy(): void {
    this.destroyed = true;
    this.set(0, 0, 0, 0, 0, 0, 0, 0);
    clean(this.buffer);
  }
}

/** DER of OID 1.2.156.10197.1.401, so noble code that reads `hash.oid` can identify SM3. */
const SM3_OID = Uint8Array.from([0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x83, 0x11]);

/** `sm3(data)` hashes in one call; `sm3.create()` streams (`.update(...).digest()`). */
export const sm3 = createHasher(() => new Sm3(), { oid: SM3_OID });

export function hmacSm3(key: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac(sm3, key, data);
}
