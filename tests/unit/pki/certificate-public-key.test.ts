import path from "node:path";
import { describe, expect, it } from "vitest";
import { bytesToHex } from "@/lib/pki/encoding";
import { PkiError } from "@/lib/pki/errors";
import { pemToDer } from "@/lib/pki/pem";
import { decodeSpki } from "@/lib/pki/spki";
import { readCertificatePublicKey } from "@/lib/pki/x509/certificate-public-key";
import { makeTempDir, openssl, opensslSm2Key } from "./helpers/openssl";

describe("readCertificatePublicKey (the phone's check that a certificate is for its key)", () => {
  it("reads the same SM2 key OpenSSL puts in a certificate it made", () => {
    const dir = makeTempDir();
    const key = opensslSm2Key(dir);
    const certPath = path.join(dir, "cert.pem");
    openssl(["req", "-new", "-x509", "-key", key.keyPath, "-subj", "/CN=phone-check", "-days", "1", "-sm3", "-out", certPath]);
    const certDer = openssl(["x509", "-in", certPath, "-outform", "DER"]);
    const spkiDer = openssl(["x509", "-in", certPath, "-noout", "-pubkey"]);
    const expected = decodeSpki(pemToDer(new TextDecoder().decode(spkiDer), "PUBLIC KEY"));
    expect(bytesToHex(readCertificatePublicKey(certDer))).toBe(bytesToHex(expected));
  });

  it("refuses what is not a certificate", () => {
    expect(() => readCertificatePublicKey(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01))).toThrow(PkiError);
    expect(() => readCertificatePublicKey(new Uint8Array(0))).toThrow(PkiError);
  });
});
