// Shared by the certs-* integration tests: the phone's half of a split key, played in the test
// with lib/pki/two-party against the real server functions, and a scratch folder for OpenSSL.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { bytesToHex } from "@/lib/pki/encoding";
import { finishKeygen, jointSigner, startKeygen } from "@/lib/pki/two-party";
import { createKeyShare } from "@/lib/server/keys/create-key-share";
import { runSignHalf } from "@/lib/server/keys/run-sign-half";
import { issueCertificates } from "@/lib/server/certs/issue-certificates";
import { DEMO_USCC } from "@/lib/pki/demo/demo-profile";
import { createUser } from "../support/factories";

export interface PhoneKey {
  keyShareId: string;
  d1: Uint8Array;
  publicKey: Uint8Array;
}

/** Two-party keygen: the phone's part here, the server's through createKeyShare. */
export async function phoneKeygen(userId: string): Promise<PhoneKey> {
  const { d1, request } = startKeygen();
  const created = await createKeyShare({ userId, request });
  const publicKey = finishKeygen({ d1, request, response: created.response });
  expect(bytesToHex(publicKey)).toBe(created.publicKey);
  return { keyShareId: created.keyShareId, d1, publicKey };
}

/** The phone's signer for a split key, each signature one server half (runSignHalf). */
export function phoneSigner(userId: string, key: PhoneKey) {
  return jointSigner({
    keyId: key.keyShareId,
    d1: key.d1,
    publicKey: key.publicKey,
    roundTrip: (request) => runSignHalf({ userId, keyShareId: key.keyShareId, request, route: "test" }),
  });
}

/** A user with a unit's dual certificates on two split keys. */
export async function issuedUnit() {
  const user = await createUser();
  const sign = await phoneKeygen(user.id);
  const encrypt = await phoneKeygen(user.id);
  const issued = await issueCertificates({
    userId: user.id,
    keyShares: { sign: sign.keyShareId, encrypt: encrypt.keyShareId },
    subject: { type: "UNIT", orgName: "测试投标单位有限公司", uscc: DEMO_USCC },
    years: 2,
  });
  return { user, sign, encrypt, issued };
}

export function scratchDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "certdesk-certs-"));
  return {
    dir,
    write: (name: string, data: Uint8Array | string) => {
      const file = path.join(dir, name);
      writeFileSync(file, data);
      return file;
    },
    file: (name: string) => path.join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
