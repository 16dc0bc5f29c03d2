// Loads Prisma's schema engine compiled to WebAssembly. The package targets bundlers
// (`import * as wasm from "./x.wasm"`), so under plain Node we instantiate it by hand.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { env } from "@/lib/env";

type Bg = typeof import("@prisma/schema-engine-wasm");
let bgPromise: Promise<Bg> | undefined;

async function loadBindings(): Promise<Bg> {
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = path.dirname(bgPath);
  const bg = (await import(pathToFileURL(bgPath).href)) as Bg & { __wbg_set_wasm(w: unknown): void };
  const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg;
}

export type SchemaEngine = Awaited<ReturnType<Bg["SchemaEngine"]["new"]>>;

export async function openSchemaEngine({
  adapterFactory,
  schema,
}: {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  schema: Array<{ path: string; content: string }>;
}): Promise<SchemaEngine> {
  bgPromise ??= loadBindings();
  const bg = await bgPromise;
  const debug = Boolean(env().PRISMA_ENGINE_DEBUG);
  const log = (line: string) => {
    if (debug) console.error("[schema-engine]", line);
  };
  return bg.SchemaEngine.new(
    { datamodels: schema.map((file): [string, string] => [file.path, file.content]) },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
