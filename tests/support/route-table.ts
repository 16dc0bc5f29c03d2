// The desk's HTTP surface, read from the source tree (and, for server actions, from the build's
// manifest) at test time: every route handler with the methods it exports and the wrapper it uses,
// every page, every server action with its id. The generated route-guard and fuzz specs call what
// this finds, so a handler or action added later is called (and must be decided on) without
// anyone remembering to list it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteWrapper = "userRoute" | "publicRoute" | "platformRoute" | "next-auth" | "none";
export type RouteParam = { name: string; catchAll: boolean; optional: boolean };

export type RouteEntry = {
  /** Path from the project root, e.g. "app/api/orders/[id]/materials/route.ts". */
  file: string;
  /** URL pattern with route groups removed: "/api/orders/[id]/materials". */
  pattern: string;
  params: RouteParam[];
  methods: HttpMethod[];
  /** The wrapper each exported method goes through ("none": a hand-written handler). */
  wrappers: Partial<Record<HttpMethod, RouteWrapper>>;
  /** Field names of the body/query schemas the handler uses (harvested from its source and imports). */
  fieldNames: string[];
};

export type PageEntry = { file: string; pattern: string; params: RouteParam[] };

export type ActionWrapper = "userAction" | "userFormAction" | "publicAction" | "publicFormAction" | "none";

export type ActionEntry = {
  /** The action id Next.js expects in the `Next-Action` header. */
  id: string;
  /** Source file from the project root, e.g. "app/(desk)/account/actions.ts". */
  file: string;
  exportName: string;
  /** `file#exportName`: the key the expectations table uses. */
  key: string;
  /** The pages (as `app/…/page` worker names) whose bundle contains the action. */
  workers: string[];
  /** A page URL to POST the action to (an action runs only on a page whose bundle has it). */
  pagePath: string;
  wrapper: ActionWrapper;
  /** Field names of the schemas the action's file uses (as for routes). */
  fieldNames: string[];
};

export type ActionSource = { file: string; exports: string[]; wrappers: Record<string, ActionWrapper> };

const ROOT = process.cwd();

function walk(dir: string, match: (name: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, match, out);
    else if (match(entry.name)) out.push(full);
  }
  return out;
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join("/");

/** "app/(desk)/orders/[id]/resume/route.ts" → "/orders/[id]/resume": groups and parallel slots dropped. */
export function filePathToPattern(file: string): string {
  const segments = file.split("/").slice(1, -1); // drop "app" and the file name
  const kept = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return `/${kept.join("/")}`;
}

/** "app/(desk)/orders/[id]/page" (a server-action worker name) → "/orders/[id]". */
export function workerToPattern(worker: string): string {
  return filePathToPattern(`${worker}.tsx`);
}

export function patternParams(pattern: string): RouteParam[] {
  const out: RouteParam[] = [];
  for (const m of pattern.matchAll(/\[(\[)?(\.\.\.)?([^\]]+)\]\]?/g)) out.push({ name: m[3]!, catchAll: Boolean(m[2]), optional: Boolean(m[1]) });
  return out;
}

/**
 * Fills a pattern's parameters. Values are inserted as given (no encoding), so a caller can send
 * malformed escapes on purpose; a catch-all takes an array (joined with "/") or a string.
 */
export function fillPattern(pattern: string, values: Record<string, string | string[]>): string {
  return pattern.replace(/\[(\[)?(\.\.\.)?([^\]]+)\]\]?/g, (_m, _opt, _dots, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for [${name}] in ${pattern}`);
    return Array.isArray(v) ? v.join("/") : v;
  });
}

export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  for (const m of source.matchAll(/export\s+(?:async\s+function|function|const|let)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1] as HttpMethod);
  // `export { handler as GET, handler as POST }` (next-auth's form)
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const m of block[1]!.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b|(?:^|,)\s*(GET|POST|PUT|PATCH|DELETE)\s*(?=,|$)/g)) found.add((m[1] ?? m[2]) as HttpMethod);
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

export function routeWrappers(source: string, methods: HttpMethod[]): Partial<Record<HttpMethod, RouteWrapper>> {
  const out: Partial<Record<HttpMethod, RouteWrapper>> = {};
  const isNextAuth = /from\s+["']next-auth["']/.test(source) && /NextAuth\s*\(/.test(source);
  for (const method of methods) {
    const m = new RegExp(`export\\s+const\\s+${method}\\s*(?::[^=]+)?=\\s*(userRoute|publicRoute|platformRoute)\\b`).exec(source);
    out[method] = m ? (m[1] as RouteWrapper) : isNextAuth ? "next-auth" : "none";
  }
  return out;
}

function resolveImport(root: string, fromFile: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(fromFile), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return null;
}

function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)].map((m) => m[1]!);
}

const FIELD_RE = /(?:^|[{,\s])([A-Za-z_$][\w$]*)\s*:\s*(?:z\s*\.|Z[A-Z]\w*|ZId\b)/gm;

/**
 * Field names of the zod schemas a handler uses: in its own file, in what it imports, and in the
 * `*.types.ts` files those import (where the boundary schemas live). Approximate on purpose: the
 * fuzz test only needs plausible keys to build schema-shaped bodies. (Importing the schemas instead
 * does not work from Playwright: its loader does not resolve the `@/…` imports the schema files use.)
 */
export function harvestFieldNames(root: string, file: string): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (f: string, depth: number) => {
    if (seen.has(f)) return;
    seen.add(f);
    const source = readFileSync(f, "utf8");
    for (const m of source.matchAll(FIELD_RE)) names.add(m[1]!);
    if (depth >= 2) return;
    for (const spec of importsOf(source)) {
      const target = resolveImport(root, f, spec);
      if (!target || !/\/(lib|app)\//.test(target)) continue;
      if (depth === 1 && !/\.types\.ts$/.test(target)) continue;
      visit(target, depth + 1);
    }
  };
  visit(path.join(root, file), 0);
  return [...names].filter((n) => !["error", "message", "default", "type"].includes(n) || names.size < 3).sort();
}

/** Every `app/**\/route.ts`, with its URL pattern, exported methods and wrappers. */
export function routeTable(root: string = ROOT): RouteEntry[] {
  return walk(path.join(root, "app"), (n) => /^route\.(ts|tsx|js)$/.test(n))
    .map((full) => {
      const file = rel(root, full);
      const source = readFileSync(full, "utf8");
      const pattern = filePathToPattern(file);
      const methods = exportedMethods(source);
      return { file, pattern, params: patternParams(pattern), methods, wrappers: routeWrappers(source, methods), fieldNames: harvestFieldNames(root, file) };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Every `app/**\/page.tsx` as a URL pattern (for GET fuzzing of pages). */
export function pageTable(root: string = ROOT): PageEntry[] {
  return walk(path.join(root, "app"), (n) => /^page\.(tsx|ts|jsx|js)$/.test(n))
    .map((full) => {
      const file = rel(root, full);
      const pattern = filePathToPattern(file);
      return { file, pattern: pattern === "/" ? "/" : pattern, params: patternParams(pattern) };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

function isUseServerFile(source: string): boolean {
  return /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/.test(source);
}

/** Files whose module starts with "use server", with the functions they export and their wrappers. */
export function serverActionSources(root: string = ROOT): ActionSource[] {
  const dirs = ["app", "lib/actions", "components"].map((d) => path.join(root, d));
  return dirs
    .flatMap((d) => walk(d, (n) => /\.(ts|tsx)$/.test(n)))
    .map((full) => ({ full, source: readFileSync(full, "utf8") }))
    .filter(({ source }) => isUseServerFile(source))
    .map(({ full, source }) => {
      const exports: string[] = [];
      const wrappers: Record<string, ActionWrapper> = {};
      for (const m of source.matchAll(/export\s+(?:async\s+function|function|const|let)\s+([A-Za-z_$][\w$]*)(?:\s*(?::[^=]+)?=\s*(userAction|userFormAction|publicAction|publicFormAction)\b)?/g)) {
        exports.push(m[1]!);
        wrappers[m[1]!] = (m[2] as ActionWrapper | undefined) ?? "none";
      }
      return { file: rel(root, full), exports, wrappers };
    })
    .filter((s) => s.exports.length > 0)
    .sort((a, b) => a.file.localeCompare(b.file));
}

export function distDir(root: string = ROOT): string {
  return path.resolve(root, process.env.NEXT_DIST_DIR || ".next");
}

type Manifest = { node?: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

/** A page path for a worker: its parameters filled with a placeholder; fewest parameters first. */
function pagePathFor(workers: string[]): string {
  const patterns = workers.map(workerToPattern).sort((a, b) => patternParams(a).length - patternParams(b).length || a.length - b.length);
  const chosen = patterns[0] ?? "/";
  const values = Object.fromEntries(patternParams(chosen).map((p) => [p.name, p.catchAll ? ["x"] : "x"]));
  return fillPattern(chosen, values);
}

/**
 * The server actions of the last `next build`, from `<distDir>/server/server-reference-manifest.json`
 * (`node[id] = { workers: { "app/…/page": … }, filename, exportedName }`). Null when there is no build.
 */
export function actionTable(root: string = ROOT): ActionEntry[] | null {
  const file = path.join(distDir(root), "server", "server-reference-manifest.json");
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  const sources = new Map(serverActionSources(root).map((s) => [s.file, s]));
  return Object.entries(manifest.node ?? {})
    .filter(([, v]) => v.filename && v.exportedName)
    .map(([id, v]) => {
      const workers = Object.keys(v.workers);
      const src = v.filename!.replace(/^\.\//, "");
      return {
        id,
        file: src,
        exportName: v.exportedName!,
        key: `${src}#${v.exportedName}`,
        workers,
        pagePath: pagePathFor(workers),
        wrapper: sources.get(src)?.wrappers[v.exportedName!] ?? "none",
        fieldNames: existsSync(path.join(root, src)) ? harvestFieldNames(root, src) : [],
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
