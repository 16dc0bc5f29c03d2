import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/db/secrets";
import { loadSessionUser } from "./load-session-user";
import { SESSION_COOKIES } from "./session-cookie";
import type { SessionUser } from "./session-user";

export type { SessionUser } from "./session-user";

/** Resolves the caller from the next-auth session cookie and the server-side session row (revocable). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!token) return null;
  const payload = await decode({ token, secret: authSecret() }).catch(() => null);
  const sid = typeof payload?.sid === "string" ? payload.sid : null;
  if (!sid) return null;
  return loadSessionUser({ sessionId: sid });
});
