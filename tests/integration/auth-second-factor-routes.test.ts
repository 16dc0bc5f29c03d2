import "../support/next-runtime";
import { describe, expect, it } from "vitest";
import { POST as registrationOptions } from "@/app/api/auth/passkeys/registration/options/route";
import { POST as registrationVerify } from "@/app/api/auth/passkeys/registration/verify/route";
import { POST as authenticationOptions } from "@/app/api/auth/passkeys/authentication/options/route";
import { POST as authenticationVerify } from "@/app/api/auth/passkeys/authentication/verify/route";
import { GET as secondFactorStatus } from "@/app/api/auth/second-factor/route";
import { userRoute } from "@/lib/server/http/user-route";
import { requireUser } from "@/lib/server/auth/require-user";
import { createUser } from "../support/factories";
import { callRoute, sessionCookie } from "../support/route-request";
import { softAssertion, softCredential, softRegistration } from "../support/soft-authenticator";

// The real route handlers and requireUser, inside Next's request scope with a real session cookie.
const BASE = "http://localhost:3000";
const none = {} as Record<string, never>;

const post = (path: string, cookie: string | null, body?: unknown) =>
  new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), origin: BASE },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

// A console endpoint as every console route and action is guarded: requireUser with a console permission.
const reviewEndpoint = userRoute(async () => {
  const user = await requireUser({ permission: "orders.review" });
  return { role: user.role };
}, { permission: "orders.review" });

const callReview = (cookie: string) => callRoute(reviewEndpoint, new Request(`${BASE}/console-probe`, { headers: { cookie } }), none);

describe("second factor through the route handlers", () => {
  it("requireUser refuses a staff session without second factor (403, in the user's language) and accepts it after a passkey", async () => {
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    const cookie = await sessionCookie(reviewer.id);
    const refused = await callReview(cookie);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "forbidden", message: "请先完成第二重身份验证（通行密钥或动态口令）" } });

    const status = await callRoute(secondFactorStatus, new Request(`${BASE}/api/auth/second-factor`, { headers: { cookie } }), none);
    expect(await status.json()).toMatchObject({ isRequired: true, passedAt: null, passkeyCount: 0, hasTotp: false });

    // Enrol through the real handlers: options, then the authenticator's answer.
    const cred = softCredential();
    const optionsRes = await callRoute(registrationOptions, post("/api/auth/passkeys/registration/options", cookie), none);
    expect(optionsRes.status).toBe(200);
    const options = (await optionsRes.json()) as { challenge: string; rp: { id: string } };
    const response = softRegistration(cred, { challenge: options.challenge, rpId: options.rp.id, origin: BASE });
    const created = await callRoute(registrationVerify, post("/api/auth/passkeys/registration/verify", cookie, { response, name: "测试密钥" }), none);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: "测试密钥" });

    const accepted = await callReview(cookie);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ role: "CA_REVIEWER" });

    // A new login of the same reviewer: refused again until the passkey answers a session-bound challenge.
    const next = await sessionCookie(reviewer.id);
    expect((await callReview(next)).status).toBe(403);
    const authOptions = (await (await callRoute(authenticationOptions, post("/api/auth/passkeys/authentication/options", next, { purpose: "second-factor" }), none)).json()) as {
      challenge: string;
      rpId: string;
    };
    const assertion = softAssertion(cred, { challenge: authOptions.challenge, rpId: authOptions.rpId, origin: BASE });
    const passed = await callRoute(authenticationVerify, post("/api/auth/passkeys/authentication/verify", next, { response: assertion }), none);
    expect(passed.status).toBe(200);
    expect((await callReview(next)).status).toBe(200);
  });

  it("refuses anonymous second-factor challenges and malformed answers without a 500", async () => {
    const anonymous = await callRoute(authenticationOptions, post("/api/auth/passkeys/authentication/options", null, { purpose: "second-factor" }), none);
    expect(anonymous.status).toBe(401);
    const login = await callRoute(authenticationOptions, post("/api/auth/passkeys/authentication/options", null, { purpose: "login" }), none);
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ userVerification: "required" });

    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const junk = await callRoute(authenticationVerify, post("/api/auth/passkeys/authentication/verify", cookie, { response: { id: "x", rawId: "x", type: "public-key", response: { clientDataJSON: "bm90LWpzb24", authenticatorData: "AA", signature: "AA" } } }), none);
    expect(junk.status).toBe(400);
    const shapeless = await callRoute(registrationVerify, post("/api/auth/passkeys/registration/verify", cookie, { response: "nope" }), none);
    expect(shapeless.status).toBe(422);
    const foreign = await callRoute(
      registrationVerify,
      new Request(`${BASE}/api/auth/passkeys/registration/verify`, { method: "POST", headers: { cookie, "content-type": "application/json", origin: "https://evil.example" }, body: "{}" }),
      none,
    );
    expect(foreign.status).toBe(403);
  });
});
