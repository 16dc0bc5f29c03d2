import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/lib/env";

export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export type OpenedAdapter = {
  target: DbTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
  /** The embedded database itself, for the few hot paths that bypass Prisma (the OCSP responder). */
  pglite?: PGlite;
};

export function resolveDbTarget({ databaseUrl, dataDir }: { databaseUrl?: string; dataDir: string }): DbTarget {
  if (databaseUrl) return { kind: "postgres", url: databaseUrl };
  return { kind: "pglite", dir: dataDir === "memory://" ? "memory://" : path.resolve(/*turbopackIgnore: true*/ dataDir, "pglite") };
}

// A query text's prepared-statement name: its hash, so the same text always gets the same name and
// node-postgres parses it once per connection (PostgreSQL then skips parsing and, for most of these
// small queries, planning). Only the data statements the app repeats; names kept per text (bounded).
const names = new Map<string, string>();
function statementName({ sql }: { sql: string }): string | undefined {
  if (!/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(sql)) return undefined;
  let name = names.get(sql);
  if (!name) {
    name = `cd_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
    if (names.size >= 4096) names.clear();
    names.set(sql, name);
  }
  return name;
}

// PostgreSQL server through node-postgres, or the embedded PGlite folder.
// PGlite allows one process per folder; the app, its job worker and the seed share one instance.
export function openAdapter(target: DbTarget): OpenedAdapter {
  if (target.kind === "postgres") {
    const factory = new PrismaPg(
      { connectionString: target.url, max: env().DB_POOL_MAX },
      // (typed as always naming: undefined leaves a statement unnamed, node-postgres' default)
      env().DB_PREPARED_STATEMENTS === "on" ? { statementNameGenerator: statementName as (query: { sql: string }) => string } : undefined,
    );
    return { target, factory, close: async () => {} };
  }
  if (target.dir !== "memory://") mkdirSync(target.dir, { recursive: true });
  const pglite = new PGlite(target.dir);
  return {
    target,
    pglite,
    factory: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    close: () => pglite.close(),
  };
}
