import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("CERTDESK_KEY_CUSTODY", () => {
  it("defaults to the local (KEK-sealed) device", () => {
    expect(parseEnv({}).CERTDESK_KEY_CUSTODY).toBe("local");
    expect(parseEnv({ CERTDESK_KEY_CUSTODY: "local" }).CERTDESK_KEY_CUSTODY).toBe("local");
  });

  it("stops the start for an HSM slot with no driver built in, and for an unknown name", () => {
    for (const name of ["pkcs11", "sdf"]) {
      expect(() => parseEnv({ CERTDESK_KEY_CUSTODY: name })).toThrow(/CERTDESK_KEY_CUSTODY: no HSM driver is built into this desk/);
    }
    expect(() => parseEnv({ CERTDESK_KEY_CUSTODY: "vault" })).toThrow(/CERTDESK_KEY_CUSTODY/);
  });
});
