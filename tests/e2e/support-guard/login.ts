// The API login fixtures of fixtures/auth.ts for a bare APIRequestContext (no browser: these specs
// only speak HTTP). Same steps: an SMS code read from the outbox, next-auth's credentials callback.
import { expect, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { completeSecondFactor, DEMO_PASSWORD, readSmsCode, uniquePhone } from "../fixtures/auth";

export type NewRequest = () => Promise<APIRequestContext>;

async function hasSession(request: APIRequestContext): Promise<boolean> {
  const { cookies } = await request.storageState();
  return cookies.some((c) => c.name.endsWith("next-auth.session-token"));
}

async function callback(request: APIRequestContext, provider: "sms" | "password", form: Record<string, string>) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post(`/api/auth/callback/${provider}`, { form: { ...form, csrfToken, json: "true" } });
  expect(res.ok(), await res.text()).toBeTruthy();
  expect(((await res.json()) as { url: string }).url, `${provider} login failed`).not.toContain("error=");
  expect(await hasSession(request), "no session cookie after login").toBeTruthy();
}

/** Signs `request` in as a (new, unless given) applicant by SMS code; returns the phone number. */
export async function loginRequestAs(request: APIRequestContext, phone: string = uniquePhone()): Promise<string> {
  const started = new Date(Date.now() - 1000);
  const sent = await request.post("/api/auth/codes", { data: { phone, purpose: "LOGIN" } });
  expect(sent.ok(), await sent.text()).toBeTruthy();
  const code = await readSmsCode(request, phone, { after: started });
  await callback(request, "sms", { phone, code });
  return phone;
}

/**
 * Password login (seeded accounts); staff then pass their second factor with the fixture's software
 * passkey (the same one every spec uses for that account: it only needs the context's `request`).
 */
export async function loginRequestWithPassword(request: APIRequestContext, phone: string, { password = DEMO_PASSWORD, secondFactor = true } = {}) {
  await callback(request, "password", { phone, password });
  if (secondFactor) await completeSecondFactor({ request } as unknown as BrowserContext, phone);
}
