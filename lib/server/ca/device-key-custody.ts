import { equalBytes } from "@/lib/pki/encoding";
import { isValidPublicKey } from "@/lib/pki/sm2";
import { readCertificatePublicKey } from "@/lib/pki/x509/certificate-public-key";
import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";
import { custodySigner } from "@/lib/server/ca/custody-signer";
import type { KeyCustody, KeyDevice } from "@/lib/server/ca/key-device.types";

/**
 * A KeyCustody on any KeyDevice. The public key each signature is checked against is one the desk
 * trusts: the one the device gave when it generated the key in this process, else the one in the
 * CA's certificate. A device that answers `publicKey` must agree with it.
 */
export function deviceKeyCustody(device: KeyDevice): KeyCustody {
  // Public keys only (nothing secret): saves a row read and a certificate parse per signer.
  const trusted = new Map<string, Uint8Array>();

  async function trustedPublicKey(keyRef: string, client: Db | Tx): Promise<Uint8Array> {
    const known = trusted.get(keyRef);
    if (known) return known;
    const row = await client.certificateAuthority.findFirst({ where: { keyRef }, select: { certDer: true } });
    if (!row) throw new AppError("internal", { userMessage: `CA key ${keyRef} not found` });
    if (row.certDer.length === 0) throw new AppError("internal", { userMessage: `CA key ${keyRef} has no certificate yet` });
    const publicKey = readCertificatePublicKey(new Uint8Array(row.certDer));
    trusted.set(keyRef, publicKey);
    return publicKey;
  }

  return {
    name: device.name,

    async createKey(label) {
      const key = await device.generateKey(label);
      if (key.publicKey.length !== 65 || !isValidPublicKey(key.publicKey)) {
        throw new AppError("internal", { userMessage: `key device "${device.name}" returned an invalid public key` });
      }
      trusted.set(key.keyRef, Uint8Array.from(key.publicKey));
      return key;
    },

    async signer(keyRef, client = db) {
      const publicKey = await trustedPublicKey(keyRef, client);
      if (device.publicKey) {
        const held = await device.publicKey(keyRef, client);
        if (!equalBytes(held, publicKey)) {
          console.warn(`[certs] key device "${device.name}" holds another public key under ${keyRef} than the desk trusts; refusing to sign`);
          throw new AppError("internal", { userMessage: "errors.internal" });
        }
      }
      return custodySigner({ device, keyRef, publicKey });
    },
  };
}
