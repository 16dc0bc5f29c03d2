import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, type Env } from "@/lib/env";

type Secrets = { authSecret: string; kek: string };
// Keyed by the parsed environment it was read from (a changed one, after resetEnvCache, reads again).
let cached: { env: Env; secrets: Secrets } | undefined;

function secrets(): Secrets {
  const e = env();
  if (cached?.env !== e) cached = { env: e, secrets: load() };
  return cached.secrets;
}

function decodeKek(value: string): Buffer {
  const buf = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (buf.length !== 32) throw new Error("CERTDESK_KEK must be 32 bytes, hex or base64");
  return buf;
}

// Secrets come from the environment. On a single machine without them (the embedded default)
// they are generated once into DATA_DIR/secrets.json, with a warning: several app instances
// must share them, so production sets AUTH_SECRET and CERTDESK_KEK. Only generated values are
// written to the file — a value from the environment never is, so setting CERTDESK_KEK for one
// process (a test, a rotation) cannot change the key other processes read from the file — and the
// first write is exclusive, so processes starting together agree on one generated key.
function load(): Secrets {
  const e = env();
  if (e.AUTH_SECRET && e.CERTDESK_KEK) return { authSecret: e.AUTH_SECRET, kek: e.CERTDESK_KEK };
  const memoryOnly = e.DATA_DIR === "memory://";
  const file = path.resolve(/*turbopackIgnore: true*/ memoryOnly ? ".data" : e.DATA_DIR, "secrets.json");
  const read = (): Partial<Secrets> => (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>) : {});
  let stored = read();
  const wanted: Partial<Secrets> = { ...stored };
  if (!e.AUTH_SECRET) wanted.authSecret ??= randomBytes(32).toString("base64url");
  if (!e.CERTDESK_KEK) wanted.kek ??= randomBytes(32).toString("hex");
  if (wanted.authSecret !== stored.authSecret || wanted.kek !== stored.kek) {
    mkdirSync(path.dirname(file), { recursive: true });
    const isNew = !existsSync(file);
    try {
      writeFileSync(file, JSON.stringify(wanted), { mode: 0o600, flag: isNew ? "wx" : "w" });
      chmodSync(file, 0o600);
      stored = wanted;
      if (e.NODE_ENV !== "test") {
        console.warn(`[certdesk] AUTH_SECRET/CERTDESK_KEK not set: using generated secrets in ${file}. Set them in production.`);
      }
    } catch (error) {
      // Another process created the file first: use what it generated.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      stored = read();
    }
  }
  return { authSecret: e.AUTH_SECRET ?? stored.authSecret!, kek: e.CERTDESK_KEK ?? stored.kek! };
}

export function authSecret(): string {
  return secrets().authSecret;
}

export type Kek = { kid: string; key: Buffer };

/** A KEK's id: a hash of the key itself, so no configuration can name two keys alike. */
export function kekId(key: Buffer): string {
  return `k${createHash("sha256").update("certdesk-kek-id").update(key).digest("hex").slice(0, 12)}`;
}

/** The current KEK (seals everything new) and the earlier ones (open what they sealed until re-wrapped). */
export function keyring(): { current: Kek; previous: Kek[] } {
  const current = decodeKek(secrets().kek);
  const previous = (env().CERTDESK_KEK_PREVIOUS ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => decodeKek(v))
    .filter((k) => !k.equals(current));
  return { current: { kid: kekId(current), key: current }, previous: previous.map((key) => ({ kid: kekId(key), key })) };
}

/** For tests that change CERTDESK_KEK / CERTDESK_KEK_PREVIOUS. */
export function resetSecretsCache() {
  cached = undefined;
}
