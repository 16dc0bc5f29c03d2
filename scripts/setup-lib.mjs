// Shared by `npm start` and `npm test`: make a fresh clone ready without asking anything.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

export function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
}

/** npm ci when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    console.log("› installing dependencies (npm ci)…");
    run(npm, ["ci", "--no-audit", "--no-fund"]);
  }
  if (!existsSync(path.join(root, "lib", "generated", "prisma", "client.ts"))) {
    run(process.execPath, [path.join(root, "scripts", "prisma-generate.mjs")]);
  }
}

export function tsx(script, env = process.env) {
  run(path.join(root, "node_modules", ".bin", "tsx"), [script], { env });
}

export function nextBin() {
  return path.join(root, "node_modules", ".bin", "next");
}
