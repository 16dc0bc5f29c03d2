import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { keyedHash, safeEqual } from "@/lib/db/keyed-hash";
import { ZDemoStateSchema, type TDemoState } from "./demo.types";

const COOKIE = "demo_tender_sid";

const sign = (sid: string) => keyedHash("demo-tender-session", sid);

/** The visitor's session id from the signed cookie; a forged or missing cookie gets a new one. */
async function sessionId({ create }: { create: boolean }): Promise<string | null> {
  const jar = await cookies();
  const [sid, mac] = (jar.get(COOKIE)?.value ?? "").split(".");
  if (sid && mac && /^[A-Za-z0-9_-]{22}$/.test(sid) && safeEqual(mac, sign(sid))) return sid;
  if (!create) return null;
  const fresh = randomBytes(16).toString("base64url");
  jar.set(COOKIE, `${fresh}.${sign(fresh)}`, { httpOnly: true, sameSite: "lax", path: "/demo/tender", maxAge: 8 * 3600 });
  return fresh;
}

export async function readDemoState({ sid: known }: { sid?: string } = {}): Promise<TDemoState> {
  const sid = known ?? (await sessionId({ create: false }));
  if (!sid) return ZDemoStateSchema.parse({});
  const raw = await getFileStorage().get(`demo/sessions/${sid}.json`).catch(() => null);
  const parsed = raw ? ZDemoStateSchema.safeParse(JSON.parse(new TextDecoder().decode(raw))) : null;
  return parsed?.success ? parsed.data : ZDemoStateSchema.parse({});
}

export async function clearDemoState() {
  const sid = await sessionId({ create: false });
  if (sid) await getFileStorage().delete(`demo/sessions/${sid}.json`).catch(() => {});
  (await cookies()).delete({ name: COOKIE, path: "/demo/tender" });
}

const locks = new Map<string, Promise<unknown>>();

/**
 * Read, change and write the visitor's state as one step: the page polls several requests at once
 * while a step runs, and two overlapping read-modify-writes would drop one of the changes.
 */
export async function updateDemoState<T>(fn: (state: TDemoState) => Promise<T>): Promise<{ state: TDemoState; value: T }> {
  const sid = (await sessionId({ create: true }))!;
  const previous = locks.get(sid) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(async () => {
    const state = await readDemoState({ sid });
    const value = await fn(state);
    await getFileStorage().put(`demo/sessions/${sid}.json`, new TextEncoder().encode(JSON.stringify(state)), "application/json");
    return { state, value };
  });
  locks.set(sid, run);
  try {
    return await run;
  } finally {
    if (locks.get(sid) === run) locks.delete(sid);
  }
}
