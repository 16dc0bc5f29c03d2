import { describe, expect, it } from "vitest";
import { bytesToHex, utf8ToBytes } from "@/lib/pki/encoding";
import { localSigner } from "@/lib/pki/signer";
import { generateKeyPair, verify } from "@/lib/pki/sm2";
import { opensslSm2Key, opensslVerifySm2 } from "./helpers/openssl";

describe("localSigner", () => {
  it("exposes the public key and signs with the default ID", async () => {
    const { privateKey, publicKey } = generateKeyPair();
    const signer = localSigner(privateKey);
    expect(bytesToHex(signer.publicKey)).toBe(bytesToHex(publicKey));
    const data = utf8ToBytes("tbsCertificate bytes");
    const sig = await signer.sign(data);
    expect(verify(sig, data, publicKey, { id: "1234567812345678" })).toBe(true);
  });

  it("produces signatures OpenSSL accepts", async () => {
    const key = opensslSm2Key();
    const data = utf8ToBytes("signed by localSigner");
    expect(opensslVerifySm2(key.pubPath, data, await localSigner(key.privateKey).sign(data))).toBe(true);
  });

  it("keeps working when the caller later wipes its copy of the key", async () => {
    const { privateKey, publicKey } = generateKeyPair();
    const signer = localSigner(privateKey);
    privateKey.fill(0);
    const data = utf8ToBytes("after wipe");
    expect(verify(await signer.sign(data), data, publicKey)).toBe(true);
  });
});
