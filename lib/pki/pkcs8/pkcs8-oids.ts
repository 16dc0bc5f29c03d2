// Object identifiers of PKCS#8 / PKCS#5 v2.1 (RFC 8018) and scrypt (RFC 7914) key encryption.
export const PKCS8_OID = {
  pbes2: "1.2.840.113549.1.5.13",
  pbkdf2: "1.2.840.113549.1.5.12",
  scrypt: "1.3.6.1.4.1.11591.4.11",
  hmacWithSha1: "1.2.840.113549.2.7",
  hmacWithSha256: "1.2.840.113549.2.9",
  hmacWithSha512: "1.2.840.113549.2.11",
  aes256Cbc: "2.16.840.1.101.3.4.1.42",
} as const;

/** PRF OID → node:crypto digest name (PBKDF2's default PRF is HMAC-SHA1, RFC 8018 A.2). */
export const PBKDF2_PRF_DIGEST: Record<string, "sha1" | "sha256" | "sha512"> = {
  [PKCS8_OID.hmacWithSha1]: "sha1",
  [PKCS8_OID.hmacWithSha256]: "sha256",
  [PKCS8_OID.hmacWithSha512]: "sha512",
};
