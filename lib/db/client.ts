import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { openAdapter, resolveDbTarget, type OpenedAdapter } from "@/lib/db/adapter";
import { withBeforeCommit } from "@/lib/db/before-commit";

// Secret columns are left out of every query unless a domain function asks for them.
const omit = {
  user: { passwordHash: true, totpSecret: true, totpPendingSecret: true, idNumberHash: true },
  verificationCode: { codeHash: true },
  identityCheck: { secretHash: true },
  keyShare: { wrappedShare: true, pinVerifier: true },
  tradingPlatform: { clientSecretHash: true, clientSecretEnc: true },
  certificateAuthority: { wrappedKey: true },
  legalRepAuthorization: { tokenHash: true },
} as const;

function createClient(adapter: OpenedAdapter) {
  return new PrismaClient({ adapter: adapter.factory, omit });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type Holder = { adapter: OpenedAdapter; client: Db };
const g = globalThis as unknown as { __certdeskDb?: Holder };

function holder(): Holder {
  if (!g.__certdeskDb) {
    const e = env();
    const adapter = openAdapter(resolveDbTarget({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR }));
    g.__certdeskDb = { adapter, client: createClient(adapter) };
  }
  return g.__certdeskDb;
}

/**
 * The one Prisma client of this process (created on first use). An interactive transaction
 * (`db.$transaction(async (tx) => …)`) runs the work registered with `beforeCommit` after its
 * function and before its commit (lib/db/before-commit.ts).
 */
export const db: Db = new Proxy({} as Db, {
  get(_t, prop) {
    const client = holder().client;
    if (prop === "$transaction") return transactionWithHooks(client);
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

function transactionWithHooks(client: Db): Db["$transaction"] {
  const run = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  return ((arg: unknown, options?: unknown) =>
    typeof arg === "function" ? run((tx: object) => withBeforeCommit(tx, arg as (tx: object) => Promise<unknown>), options) : run(arg, options)) as Db["$transaction"];
}

export function dbAdapter(): OpenedAdapter {
  return holder().adapter;
}

export async function closeDb() {
  const h = g.__certdeskDb;
  if (!h) return;
  g.__certdeskDb = undefined;
  await h.client.$disconnect();
  await h.adapter.close();
}
