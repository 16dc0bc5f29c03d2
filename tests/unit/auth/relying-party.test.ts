import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { relyingParty } from "@/lib/server/auth/passkeys/relying-party";

const saved = process.env.APP_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
  resetEnvCache();
});

function withAppUrl(url: string) {
  process.env.APP_URL = url;
  resetEnvCache();
  return relyingParty();
}

describe("WebAuthn relying party from APP_URL", () => {
  it("is the public host and its one origin", () => {
    expect(withAppUrl("https://ca.example.cn")).toMatchObject({ rpID: "ca.example.cn", origins: ["https://ca.example.cn"] });
    expect(withAppUrl("https://desk.ca.example.cn:8443/")).toMatchObject({ rpID: "desk.ca.example.cn", origins: ["https://desk.ca.example.cn:8443"] });
    expect(withAppUrl("http://localhost:3000")).toMatchObject({ rpID: "localhost", origins: ["http://localhost:3000"] });
  });

  it("on a loopback IP (not a valid RP ID) is localhost on the same port", () => {
    expect(withAppUrl("http://127.0.0.1:3200")).toMatchObject({ rpID: "localhost", origins: ["http://localhost:3200"] });
    expect(withAppUrl("http://[::1]:3000")).toMatchObject({ rpID: "localhost", origins: ["http://localhost:3000"] });
  });
});
