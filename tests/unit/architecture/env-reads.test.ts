// Every environment variable is parsed in lib/env.ts (start-up validation, one documented list):
// this fails listing each `process.env` read elsewhere in the app's source, except the few that
// cannot go through env(), each named below with why. scripts/, tests/, bench/ and the tools'
// config files are outside the rule.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SCANNED = ["lib", "app", "components", "instrumentation.ts", "proxy.ts"];
const SKIPPED = new Set(["lib/generated", "lib/env.ts"]);
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const READ = /process\s*(\.\s*env\b|\[\s*["'`]env["'`]\s*\])/;

/**
 * File (a path suffix, so a move between folders keeps its entry) → the exact lines allowed there.
 * A new read in one of these files fails like any other; an entry whose line is gone fails too.
 */
const ALLOWED: Array<{ file: string; line: string; why: string }> = [
  {
    file: "instrumentation.ts",
    line: `if (process.env.NEXT_RUNTIME !== "nodejs") return;`,
    why: "Next.js's runtime marker, read before lib/env.ts loads and on the edge runtime, which cannot import it",
  },
  {
    file: "proxy.ts",
    line: `dev: process.env.NODE_ENV === "development",`,
    why: "the build mode Next.js inlines at build time (next dev loosens the CSP), not a runtime setting",
  },
  {
    file: "auth/auth-options.ts",
    line: `process.env.NEXTAUTH_URL ??= env().APP_URL;`,
    why: "a write, from env(): next-auth reads NEXTAUTH_URL from process.env itself",
  },
  {
    file: "offline-root/read-passphrase.ts",
    line: `const source = input.env ?? process.env;`,
    why: "reads (then deletes, so children never inherit it) the variable the operator named with --passphrase-env: data, not configuration",
  },
];

function sourceFiles(rel: string): string[] {
  if (SKIPPED.has(rel)) return [];
  const abs = path.join(ROOT, rel);
  if (statSync(abs).isDirectory()) return readdirSync(abs).flatMap((name) => sourceFiles(path.posix.join(rel, name)));
  return SOURCE.test(rel) ? [rel] : [];
}

function isComment(line: string): boolean {
  return /^(\/\/|\/\*|\*)/.test(line);
}

function reads(): Array<{ file: string; lineNo: number; line: string }> {
  return SCANNED.flatMap((rel) => sourceFiles(rel)).flatMap((file) =>
    readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .map((text, i) => ({ file, lineNo: i + 1, line: text.trim() }))
      .filter(({ line }) => READ.test(line) && !isComment(line)),
  );
}

const isAllowed = (r: { file: string; line: string }) => ALLOWED.some((a) => r.file.endsWith(a.file) && r.line === a.line);

describe("environment variables", () => {
  it("are read only through lib/env.ts (env()), apart from the allow-list", () => {
    const outside = reads().filter((r) => !isAllowed(r)).map((r) => `${r.file}:${r.lineNo}: ${r.line}`);
    expect(outside, "read these through env() in lib/env.ts (add the variable to its schema and to the README's Configuration table)").toEqual([]);
  });

  it("has no stale allow-list entry", () => {
    const found = reads();
    const stale = ALLOWED.filter((a) => !found.some((r) => r.file.endsWith(a.file) && r.line === a.line)).map((a) => `${a.file}: ${a.line}`);
    expect(stale).toEqual([]);
  });

  it("sees a read the rule must catch", () => {
    for (const line of [`const x = process.env.FOO;`, `process.env["FOO"]`, `const { A } = process . env;`, `process["env"].B`]) expect(READ.test(line), line).toBe(true);
    expect(READ.test(`const e = env().FOO;`)).toBe(false);
  });
});
