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

// PostgreSQL server through node-postgres, or the embedded PGlite folder.
// PGlite allows one process per folder; the app, its job worker and the seed share one instance.
export function openAdapter(target: DbTarget): OpenedAdapter {
  if (target.kind === "postgres") {
    const factory = new PrismaPg({ connectionString: target.url, max: env().DB_POOL_MAX });
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
