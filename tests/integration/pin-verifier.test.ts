// The PIN verifier inside the sealed KeyShare.pinVerifier blob (lib/server/keys/pin-secret.ts): the
// current form is a salted HMAC (no slow hash on the scan path), and verifiers of the earlier form
// (argon2id) still open W and are replaced with the current form on the first right PIN.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/server/auth/password-hash";
import { openPinSecret, sealPinSecret } from "@/lib/server/keys/pin-secret";
import { verifyPin } from "@/lib/server/keys/verify-pin";
import { holderWithCertificates, PIN } from "./scan-phone-support";
import { expectAppError } from "../support/expect-app-error";

async function sealedSecret(keyShareId: string) {
  const row = await db.keyShare.findUniqueOrThrow({ where: { id: keyShareId }, select: { pinVerifier: true, pinFailures: true } });
  return { secret: openPinSecret(keyShareId, row.pinVerifier!), pinFailures: row.pinFailures };
}

describe("PIN verifier", () => {
  it("a download stores the salted HMAC form: the right PIN releases W, a wrong one counts a failure", async () => {
    const h = await holderWithCertificates();
    const { secret } = await sealedSecret(h.sign.keyShareId);
    expect(secret.verifier).toMatch(/^pin-hmac1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(secret.verifier).not.toContain(PIN);
    const ok = await verifyPin({ userId: h.user.id, keyShareId: h.sign.keyShareId, pin: PIN });
    expect(ok.wrapKey).toBe(secret.wrapKey);
    await expectAppError(verifyPin({ userId: h.user.id, keyShareId: h.sign.keyShareId, pin: "135792" }), "code_invalid");
    expect((await sealedSecret(h.sign.keyShareId)).pinFailures).toBe(1);
  });

  it("an argon2id verifier of before still opens W and is replaced by the HMAC form on the first right PIN; a wrong PIN leaves it", async () => {
    const h = await holderWithCertificates();
    const id = h.sign.keyShareId;
    const { secret } = await sealedSecret(id);
    const legacy = { verifier: await hashPassword(PIN), wrapKey: secret.wrapKey };
    await db.keyShare.update({ where: { id }, data: { pinVerifier: sealPinSecret(id, legacy) } });

    await expectAppError(verifyPin({ userId: h.user.id, keyShareId: id, pin: "135792" }), "code_invalid");
    expect((await sealedSecret(id)).secret.verifier).toBe(legacy.verifier);

    const ok = await verifyPin({ userId: h.user.id, keyShareId: id, pin: PIN });
    expect(ok.wrapKey).toBe(secret.wrapKey);
    const after = await sealedSecret(id);
    expect(after.secret.verifier).toMatch(/^pin-hmac1\$/);
    expect(after.secret.wrapKey).toBe(secret.wrapKey);
    expect(after.pinFailures).toBe(0);
    // And the upgraded verifier keeps working, and refusing.
    expect((await verifyPin({ userId: h.user.id, keyShareId: id, pin: PIN })).wrapKey).toBe(secret.wrapKey);
    await expectAppError(verifyPin({ userId: h.user.id, keyShareId: id, pin: "135792" }), "code_invalid");
  });
});
