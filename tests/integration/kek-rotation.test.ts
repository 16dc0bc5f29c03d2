import { createCipheriv, randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { db } from "@/lib/db/client";
import { keyring, resetSecretsCache } from "@/lib/db/secrets";
import { openSecret, sealSecret, sealedKeyId } from "@/lib/db/seal";
import { rotateKek } from "@/lib/server/security/rotate-kek";
import { createPlatform } from "../support/platform-fixtures";
import { useOwnDatabase } from "./own-database";

// kek:rotate re-wraps every sealed value in the database under a test KEK: on PostgreSQL the other
// files (running at the same time on the shared database) must not see that.
await useOwnDatabase("kek_rotation");

const A = randomBytes(32).toString("hex");
const B = randomBytes(32).toString("hex");
const saved = { kek: process.env.CERTDESK_KEK, prev: process.env.CERTDESK_KEK_PREVIOUS };

function useKeys(current: string, previous?: string) {
  process.env.CERTDESK_KEK = current;
  if (previous) process.env.CERTDESK_KEK_PREVIOUS = previous;
  else delete process.env.CERTDESK_KEK_PREVIOUS;
  resetEnvCache();
  resetSecretsCache();
}

afterAll(() => {
  if (saved.kek) process.env.CERTDESK_KEK = saved.kek;
  else delete process.env.CERTDESK_KEK;
  if (saved.prev) process.env.CERTDESK_KEK_PREVIOUS = saved.prev;
  else delete process.env.CERTDESK_KEK_PREVIOUS;
  resetEnvCache();
  resetSecretsCache();
});

/** A value in the format before key ids: AES-256-GCM under the KEK itself. */
function sealV1(key: string, plain: Uint8Array, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", Buffer.from(key, "hex"), iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return ["v1", iv, c.getAuthTag(), ct].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

describe("KEK: envelope encryption with key ids, and rotation", () => {
  it("seals each value under its own data key wrapped by the KEK named in it; a wrong purpose or KEK does not open", () => {
    useKeys(A);
    const sealed = sealSecret(new TextEncoder().encode("d2"), "purpose:x");
    expect(sealed.startsWith(`v2.${keyring().current.kid}.`)).toBe(true);
    expect(sealSecret(new TextEncoder().encode("d2"), "purpose:x")).not.toBe(sealed);
    expect(new TextDecoder().decode(openSecret(sealed, "purpose:x"))).toBe("d2");
    expect(() => openSecret(sealed, "purpose:y")).toThrow();
    useKeys(B);
    expect(() => openSecret(sealed, "purpose:x")).toThrow(/not configured/);
  });

  it("kek:rotate re-wraps every sealed value under the new KEK (v1 values re-sealed), after which the old KEK can go", async () => {
    useKeys(A);
    const { platform } = await createPlatform();
    const secret = new TextDecoder().decode(openSecret((await db.tradingPlatform.findUniqueOrThrow({ where: { id: platform.id }, omit: { clientSecretEnc: false } })).clientSecretEnc, `platform-secret:${platform.code}`));
    // A second platform still carrying a value from before key ids.
    const { platform: old } = await createPlatform();
    await db.tradingPlatform.update({ where: { id: old.id }, data: { clientSecretEnc: sealV1(A, new TextEncoder().encode("legacy-secret"), `platform-secret:${old.code}`) } });

    useKeys(B, A); // the operator's step: new key current, the old one previous
    const result = await rotateKek();
    expect(result.kid).toBe(keyring().current.kid);
    // (Other test files share this database under the suite's own KEK: their values are neither
    // opened nor touched, only counted as remaining.)
    expect(result.report.find((r) => r.column === "TradingPlatform.clientSecretEnc")!.rewrapped).toBeGreaterThanOrEqual(2);

    useKeys(B); // the old key removed
    const rows = await db.tradingPlatform.findMany({ where: { id: { in: [platform.id, old.id] } }, omit: { clientSecretEnc: false } });
    for (const row of rows) expect(sealedKeyId(row.clientSecretEnc)).toBe(keyring().current.kid);
    const opened = (id: string, code: string) => new TextDecoder().decode(openSecret(rows.find((r) => r.id === id)!.clientSecretEnc, `platform-secret:${code}`));
    expect(opened(platform.id, platform.code)).toBe(secret);
    expect(opened(old.id, old.code)).toBe("legacy-secret");
    // Nothing of ours depends on A any more: a second run re-wraps nothing.
    useKeys(B, A);
    expect((await rotateKek()).report.every((r) => r.rewrapped === 0)).toBe(true);
  });
});
