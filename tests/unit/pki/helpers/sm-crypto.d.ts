// sm-crypto ships no types; only what the tests use as a reference implementation.
declare module "sm-crypto" {
  interface SignOptions {
    hash?: boolean;
    der?: boolean;
    publicKey?: string;
    userId?: string;
  }
  const smCrypto: {
    sm3(input: string | number[]): string;
    sm2: {
      generateKeyPairHex(): { privateKey: string; publicKey: string };
      getPublicKeyFromPrivateKey(privateKey: string): string;
      doSignature(msg: string | number[], privateKey: string, opts?: SignOptions): string;
      doVerifySignature(msg: string | number[], signHex: string, publicKey: string, opts?: SignOptions): boolean;
      doEncrypt(msg: string | number[], publicKey: string, cipherMode?: 0 | 1): string;
      doDecrypt(
        encryptData: string,
        privateKey: string,
        cipherMode?: 0 | 1,
        opts?: { output: "array" | "string" },
      ): string | number[];
    };
  };
  export default smCrypto;
}
