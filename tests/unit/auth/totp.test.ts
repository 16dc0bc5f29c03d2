import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpCode } from "@/lib/server/auth/totp/totp";

const ascii = (s: string) => new Uint8Array(Buffer.from(s, "ascii"));

describe("TOTP (RFC 6238, HMAC-SHA1)", () => {
  // RFC 6238 Appendix B, SHA1 column: secret "12345678901234567890", 8 digits, T0 = 0, X = 30 s.
  const secret = ascii("12345678901234567890");
  const vectors: Array<[number, string]> = [
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ];

  it.each(vectors)("at %i s the 8-digit code is %s", (seconds, code) => {
    expect(totpCode(secret, seconds * 1000, 8)).toBe(code);
  });

  it.each(vectors)("at %i s the 6-digit code is the last six digits of %s", (seconds, code) => {
    expect(totpCode(secret, seconds * 1000)).toBe(code.slice(2));
  });

  it("matches RFC 4226 Appendix D HOTP values", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expect(expected.map((_, i) => hotp(secret, i))).toEqual(expected);
  });

  it("accepts a code one step early or late, not two, and names its step", () => {
    const at = 1111111111 * 1000;
    const step = Math.floor(1111111111 / 30);
    expect(matchTotp(secret, hotp(secret, step), at)).toBe(step);
    expect(matchTotp(secret, hotp(secret, step - 1), at)).toBe(step - 1);
    expect(matchTotp(secret, hotp(secret, step + 1), at)).toBe(step + 1);
    expect(matchTotp(secret, hotp(secret, step + 2), at)).toBeNull();
    expect(matchTotp(secret, hotp(secret, step - 2), at)).toBeNull();
    expect(matchTotp(secret, "12345", at)).toBeNull();
    expect(matchTotp(secret, "abcdef", at)).toBeNull();
  });
});

describe("base32 (RFC 4648 §10 vectors, unpadded)", () => {
  const vectors: Array<[string, string]> = [
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ];
  it.each(vectors)("%j ↔ %s", (plain, encoded) => {
    expect(base32Encode(ascii(plain))).toBe(encoded);
    expect(Buffer.from(base32Decode(encoded)).toString("ascii")).toBe(plain);
  });

  it("otpauth URI carries the secret and the parameters apps expect", () => {
    const uri = new URL(otpauthUri({ secret: ascii("12345678901234567890"), account: "139****0001", issuer: "CertDesk" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});
