import { createHash, randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
// process (a test, a rotation) cannot change the key other processes read from the file. Processes
// starting together agree on one generated key: the file is read and completed under an exclusive
// lock file, and written whole (a temporary file renamed over it), so nobody reads half a file or
// overwrites a key another process already handed out.
function load(): Secrets {
  const e = env();
  if (e.AUTH_SECRET && e.CERTDESK_KEK) return { authSecret: e.AUTH_SECRET, kek: e.CERTDESK_KEK };
  const memoryOnly = e.DATA_DIR === "memory://";
  const file = path.resolve(/*turbopackIgnore: true*/ memoryOnly ? ".data" : e.DATA_DIR, "secrets.json");
  const read = (): Partial<Secrets> => (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>) : {});
  const isComplete = (s: Partial<Secrets>) => Boolean((e.AUTH_SECRET || s.authSecret) && (e.CERTDESK_KEK || s.kek));
  let stored = read();
  if (!isComplete(stored)) {
    mkdirSync(path.dirname(file), { recursive: true });
    stored = withLockFile(`${file}.lock`, () => {
      const current = read();
      if (isComplete(current)) return current;
      const wanted: Partial<Secrets> = { ...current };
      if (!e.AUTH_SECRET) wanted.authSecret ??= randomBytes(32).toString("base64url");
      if (!e.CERTDESK_KEK) wanted.kek ??= randomBytes(32).toString("hex");
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(wanted), { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, file);
      if (e.NODE_ENV !== "test") {
        console.warn(`[certdesk] AUTH_SECRET/CERTDESK_KEK not set: using generated secrets in ${file}. Set them in production.`);
      }
      return wanted;
    });
  }
  return { authSecret: e.AUTH_SECRET ?? stored.authSecret!, kek: e.CERTDESK_KEK ?? stored.kek! };
}

/** Runs `fn` holding `lock` (created exclusively; one left by a process that died is taken after 10 s). */
function withLockFile<T>(lock: string, fn: () => T): T {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += 10) {
    try {
      closeSync(openSync(lock, "wx", 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (waited > 10_000) rmSync(lock, { force: true });
      Atomics.wait(pause, 0, 0, 10);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
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
