import "./next-runtime";
import { encode } from "next-auth/jwt";
import { createRequire } from "node:module";
import { db } from "@/lib/db/client";
import { createSession } from "@/lib/server/auth/create-session";
import { SESSION_COOKIES } from "@/lib/server/auth/session-cookie";
import { authSecret } from "@/lib/db/secrets";

// Route handlers read the session through next/headers' cookies(), which only works inside the
// request scope Next sets up around a handler. This runs a handler inside the same scope (Next's
// own request store, built from the Request's headers), so tests call the real handler with a
// real session cookie instead of mocking the session.
const require = createRequire(import.meta.url);
const { workAsyncStorage } = require("next/dist/server/app-render/work-async-storage.external") as { workAsyncStorage: { run<T>(store: unknown, fn: () => T): T } };
const { workUnitAsyncStorage } = require("next/dist/server/app-render/work-unit-async-storage.external") as { workUnitAsyncStorage: { run<T>(store: unknown, fn: () => T): T } };
const { createRequestStoreForAPI } = require("next/dist/server/async-storage/request-store") as {
  createRequestStoreForAPI: (req: { headers: Record<string, string> }, url: { pathname: string; search: string }, implicitTags: unknown, onUpdateCookies: unknown, previewProps: unknown) => unknown;
};

/** A session cookie for `userId`, as next-auth would set it after a login (and, for staff, the second factor). */
export async function sessionCookie(userId: string, { secondFactor = false }: { secondFactor?: boolean } = {}): Promise<string> {
  const session = await db.$transaction((tx) => createSession(tx, { userId, method: "password", ip: "127.0.0.1" }));
  if (secondFactor) await db.session.update({ where: { id: session.id }, data: { secondFactorAt: new Date(), secondFactorMethod: "passkey" } });
  const token = await encode({ token: { sid: session.id, sub: userId }, secret: authSecret() });
  return `${SESSION_COOKIES[1]}=${token}`;
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler the way Next would: inside a request scope, with its path parameters. */
export async function callRoute<P>(handler: Handler<P>, req: Request, params: P): Promise<Response> {
  const url = new URL(req.url);
  const headers = Object.fromEntries(req.headers.entries());
  const workStore = { route: url.pathname, page: url.pathname, forceStatic: false, dynamicShouldError: false, isStaticGeneration: false };
  const requestStore = createRequestStoreForAPI({ headers }, { pathname: url.pathname, search: url.search }, { tags: [], expirationsByCacheKind: new Map() }, undefined, undefined);
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, () => handler(req, { params: Promise.resolve(params) })));
}
