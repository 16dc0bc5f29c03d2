// What `npm test` needs from the machine besides Node (the README's two commands on a fresh Debian
// machine): Chromium for the end-to-end tests, CJK fonts so Chinese pages render (screenshots, layout),
// poppler (pdftoppm/pdftotext/pdfinfo) to look inside generated PDFs, OpenSSL as the independent check of
// the cryptography, nginx for the cluster test. The decision is a pure function over what was probed
// (planSystemDeps), so it is tested with a fake PATH and a fake dpkg; probeSystem() is the real probe.
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** Each need: the Debian package that provides it, which runners use it, and how it is found. */
export const SYSTEM_DEPS = [
  { id: "chromium", pkg: "chromium", runners: ["e2e"], found: (p) => p.fileExists(p.env.CHROMIUM_PATH || "/usr/bin/chromium") },
  { id: "cjk-fonts", pkg: "fonts-noto-cjk", runners: ["e2e"], found: (p) => p.packageInstalled("fonts-noto-cjk") },
  { id: "poppler", pkg: "poppler-utils", runners: ["unit", "integration", "e2e"], found: (p) => ["pdftoppm", "pdftotext", "pdfinfo"].every((c) => p.findCommand(c)) },
  { id: "openssl", pkg: "openssl", runners: ["unit", "integration", "e2e"], found: (p) => Boolean(p.findCommand("openssl")) },
  { id: "nginx", pkg: "nginx", runners: ["e2e"], found: (p) => Boolean(p.findCommand("nginx")) },
];

/**
 * What to do before running `runners` (["unit", "integration", "e2e"] for the whole `npm test`):
 * `ok`; `install` (apt-get is on PATH and we are root) with the packages and the two commands; or `stop`
 * with one line naming what to install.
 */
export function planSystemDeps({ runners, probe }) {
  const missing = SYSTEM_DEPS.filter((d) => d.runners.some((r) => runners.includes(r)) && !d.found(probe));
  if (missing.length === 0) return { action: "ok", packages: [] };
  const packages = missing.map((d) => d.pkg);
  if (probe.isRoot && probe.findCommand("apt-get")) {
    return {
      action: "install",
      packages,
      commands: [
        ["apt-get", ["update", "-qq"]],
        ["apt-get", ["install", "-y", "-qq", ...packages]],
      ],
    };
  }
  const how = probe.findCommand("apt-get") ? `sudo apt-get install -y ${packages.join(" ")}` : `install ${packages.join(", ")} (Debian package names) with your system's package manager`;
  const chromiumNote = packages.includes("chromium") ? " (or set CHROMIUM_PATH to a Chromium binary)" : "";
  return { action: "stop", packages, message: `npm test: missing ${packages.join(", ")} — ${how}${chromiumNote}, then run npm test again.` };
}

/** The real machine: PATH lookup, file checks, dpkg's database, the effective uid. */
export function probeSystem(env = process.env) {
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const fileExists = (file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  const findCommand = (cmd) => dirs.map((d) => path.join(d, cmd)).find(fileExists) ?? null;
  const packageInstalled = (pkg) => {
    if (!findCommand("dpkg-query")) return hasFontFamily("Noto Sans CJK");
    try {
      return execFileSync("dpkg-query", ["-W", "-f=${Status}", pkg], { stdio: ["ignore", "pipe", "ignore"] }).toString().includes("install ok installed");
    } catch {
      return false;
    }
  };
  // Without dpkg (another distribution), fontconfig tells whether a CJK font is there.
  const hasFontFamily = (family) => {
    try {
      return execFileSync("fc-list", [":", "family"], { stdio: ["ignore", "pipe", "ignore"] }).toString().includes(family);
    } catch {
      return false;
    }
  };
  return { env, findCommand, fileExists, packageInstalled, isRoot: typeof process.getuid === "function" && process.getuid() === 0 };
}

/**
 * Ensures the machine has what `runners` need, installing with apt-get as root; otherwise prints one line
 * and exits 1 before anything runs.
 */
export function ensureSystemDeps(runners, { probe = probeSystem, exec = execFileSync, log = console.log, exit = process.exit } = {}) {
  let plan = planSystemDeps({ runners, probe: probe() });
  if (plan.action === "install") {
    log(`› installing what the tests need (apt-get): ${plan.packages.join(" ")}…`);
    try {
      for (const [cmd, args] of plan.commands) exec(cmd, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    } catch {
      // apt-get printed its reason on stderr; the re-probe below names what is still missing.
    }
    plan = planSystemDeps({ runners, probe: probe() });
    if (plan.action !== "ok") plan = { ...plan, action: "stop", message: `npm test: apt-get could not install ${plan.packages.join(", ")} — install them, then run npm test again.` };
  }
  if (plan.action === "stop") {
    log(plan.message);
    exit(1);
  }
}
