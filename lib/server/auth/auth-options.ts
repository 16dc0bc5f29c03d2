import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ZPasswordLoginSchema, ZSmsLoginSchema } from "./auth.types";
import { loginWithSms } from "./login-with-sms";
import { loginWithPassword } from "./login-with-password";
import { loginWithPasskey } from "./passkeys/login-with-passkey";
import { ZAuthenticationResponseSchema, ZPasskeyLoginSchema } from "./passkeys/passkeys.types";
import { SESSION_MAX_AGE_SECONDS } from "./create-session";
import { authSecret } from "@/lib/db/secrets";
import { clientIp } from "@/lib/server/http/client-ip";
import { describeError } from "@/lib/server/http/describe-error";
import { toLocale } from "@/lib/i18n/locales";
import { env } from "@/lib/env";

type Req = { headers?: Record<string, string> };

function localeOf(req: Req) {
  const cookie = req.headers?.cookie ?? "";
  return toLocale(/(?:^|;\s*)locale=([^;]+)/.exec(cookie)?.[1]);
}

// next-auth passes an Error's message to the client as `error`: we send the user-facing text,
// code and retry hint as JSON so the form can show the exact reason in the user's language.
async function authorizeWith<T>(req: Req, run: () => Promise<{ userId: string; sessionId: string }>) {
  try {
    const { userId, sessionId } = await run();
    return { id: userId, sid: sessionId } as { id: string } & Record<string, unknown>;
  } catch (err) {
    throw new Error(JSON.stringify(describeError(err, localeOf(req))));
  }
}

export function authOptions(): NextAuthOptions {
  // env-reads allow-list: a write for next-auth, which reads NEXTAUTH_URL from process.env itself.
  process.env.NEXTAUTH_URL ??= env().APP_URL;
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "sms",
        name: "SMS",
        credentials: { phone: { type: "text" }, code: { type: "text" } },
        authorize: (creds, req) =>
          authorizeWith(req as Req, async () => {
            const input = ZSmsLoginSchema.parse(creds);
            const h = (req as Req).headers ?? {};
            return loginWithSms({ ...input, ip: clientIp(h), userAgent: h["user-agent"] });
          }),
      }),
      CredentialsProvider({
        id: "password",
        name: "Password",
        credentials: { phone: { type: "text" }, password: { type: "password" } },
        authorize: (creds, req) =>
          authorizeWith(req as Req, async () => {
            const input = ZPasswordLoginSchema.parse(creds);
            const h = (req as Req).headers ?? {};
            return loginWithPassword({ ...input, ip: clientIp(h), userAgent: h["user-agent"] });
          }),
      }),
      // The browser's WebAuthn assertion (a discoverable passkey), verified server-side against a
      // challenge from POST /api/auth/passkeys/authentication/options; no phone number needed.
      CredentialsProvider({
        id: "passkey",
        name: "Passkey",
        credentials: { response: { type: "text" } },
        authorize: (creds, req) =>
          authorizeWith(req as Req, async () => {
            const { response } = ZPasskeyLoginSchema.parse(creds);
            let parsed: unknown;
            try {
              parsed = JSON.parse(response);
            } catch {
              parsed = null;
            }
            const h = (req as Req).headers ?? {};
            return loginWithPasskey({ response: ZAuthenticationResponseSchema.parse(parsed), ip: clientIp(h), userAgent: h["user-agent"] });
          }),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = (user as { sid?: string }).sid;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid } as typeof session;
      },
    },
  };
}
