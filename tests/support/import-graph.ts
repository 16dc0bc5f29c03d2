// The project's import graph, read from the source: every runtime import (`import … from`,
// `export … from`, `import()`) of every .ts/.tsx file under app/, components/ and lib/ (generated
// code excluded), resolved to files. Type-only imports are left out: they vanish at build time.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib"];
const TOP_FILES = ["instrumentation.ts", "proxy.ts"];

export type SourceFile = { file: string; isClient: boolean; imports: string[]; packages: string[] };

function walk(dir: string, out: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "generated" || entry.name === "node_modules") continue;
      walk(full, out);
    } else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return path.relative(root, candidate);
  }
  return null;
}

const IMPORT = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*["']([^"']+)["']|(?:^|[;\n])\s*import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export function readSourceFiles(): SourceFile[] {
  const files: string[] = [];
  for (const d of SOURCE_DIRS) walk(path.join(root, d), files);
  for (const f of TOP_FILES) if (existsSync(path.join(root, f))) files.push(path.join(root, f));
  return files.map((full) => {
    const text = readFileSync(full, "utf8");
    const imports: string[] = [];
    const packages: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      if (m[2]) continue; // import type / export type
      // `import { type A, type B } from` is type-only too.
      if (m[3] && /^\{[^}]*\}$/.test(m[3].trim()) && m[3].replace(/[{}\s]/g, "").split(",").filter(Boolean).every((n) => n.startsWith("type"))) continue;
      const spec = m[4] ?? m[5] ?? m[6];
      if (!spec) continue;
      if (spec.startsWith(".") || spec.startsWith("@/")) {
        const target = resolve(full, spec);
        if (target) imports.push(target);
      } else packages.push(spec);
    }
    return { file: path.relative(root, full), isClient: /^\s*["']use client["']/.test(text), imports, packages };
  });
}

/** Every cycle in the graph, as one list of files per strongly connected component (Tarjan). */
export function findCycles(files: SourceFile[]): string[][] {
  const graph = new Map(files.map((f) => [f.file, f.imports]));
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const f of graph.keys()) if (!indices.has(f)) visit(f);
  return cycles;
}
