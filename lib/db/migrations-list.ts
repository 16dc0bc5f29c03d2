import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const PRISMA_DIR = path.resolve(import.meta.dirname, "..", "..", "prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
// The multi-file schema: schema.prisma (generator, datasource) and one <domain>.prisma per domain.
export const SCHEMA_DIR = path.join(PRISMA_DIR, "schema");

// The migration directory in the shape the schema engine expects (same layout as `prisma migrate`).
export function readMigrationsList(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, "migration_lock.toml");
  const dirs = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

// Every .prisma file of the schema folder (sub-folders included, as the Prisma CLI reads it), in a
// stable order, as the { path, content } entries the schema engine takes.
export function readSchema(dir = SCHEMA_DIR): Array<{ path: string; content: string }> {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".prisma"))
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .sort();
  if (!files.length) throw new Error(`no .prisma files in ${dir}`);
  return files.map((file) => ({ path: file, content: readFileSync(file, "utf8") }));
}
