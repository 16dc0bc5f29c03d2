import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { ensureSystemDeps, planSystemDeps, probeSystem } from "@/scripts/system-deps.mjs";

// `npm test`'s machine check (scripts/system-deps.mjs) over a fake machine: a PATH (the commands on it),
// dpkg's installed packages, the files present and whether we are root.
type Machine = { path: string[]; dpkg: string[]; files?: string[]; isRoot?: boolean; env?: Record<string, string> };
const probeOf = ({ path, dpkg, files = [], isRoot = false, env = {} }: Machine) => ({
  env,
  isRoot,
  findCommand: (c: string) => (path.includes(c) ? `/usr/bin/${c}` : null),
  fileExists: (f: string) => files.includes(f),
  packageInstalled: (p: string) => dpkg.includes(p),
});
const ALL = ["unit", "integration", "e2e"];
const FULL: Machine = { path: ["apt-get", "pdftoppm", "pdftotext", "pdfinfo", "openssl", "nginx"], dpkg: ["fonts-noto-cjk"], files: ["/usr/bin/chromium"] };
const BARE: Machine = { path: ["apt-get"], dpkg: [] }; // a fresh Debian machine with only Node

describe("planSystemDeps", () => {
  it("a machine with everything: nothing to do", () => {
    expect(planSystemDeps({ runners: ALL, probe: probeOf(FULL) })).toEqual({ action: "ok", packages: [] });
  });

  it("a fresh Debian machine as root: installs every missing package with apt-get (update, then install)", () => {
    const plan = planSystemDeps({ runners: ALL, probe: probeOf({ ...BARE, isRoot: true }) });
    expect(plan.action).toBe("install");
    expect(plan.packages).toEqual(["chromium", "fonts-noto-cjk", "poppler-utils", "openssl", "nginx"]);
    expect(plan.commands).toEqual([
      ["apt-get", ["update", "-qq"]],
      ["apt-get", ["install", "-y", "-qq", "chromium", "fonts-noto-cjk", "poppler-utils", "openssl", "nginx"]],
    ]);
  });

  it("not root: stops with one line that says what to install", () => {
    const plan = planSystemDeps({ runners: ALL, probe: probeOf({ ...FULL, files: [], dpkg: [] }) });
    expect(plan.action).toBe("stop");
    expect(plan.message).toBe("npm test: missing chromium, fonts-noto-cjk — sudo apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH to a Chromium binary), then run npm test again.");
    expect(plan.message).not.toContain("\n");
  });

  it("root without apt-get (not Debian): stops and names the packages", () => {
    const plan = planSystemDeps({ runners: ALL, probe: probeOf({ ...FULL, path: FULL.path.filter((c) => c !== "apt-get" && c !== "nginx"), isRoot: true }) });
    expect(plan).toMatchObject({ action: "stop", packages: ["nginx"] });
    expect(plan.message).toContain("install nginx (Debian package names) with your system's package manager");
  });

  it("one poppler tool missing counts as poppler missing", () => {
    const plan = planSystemDeps({ runners: ["unit"], probe: probeOf({ ...FULL, path: FULL.path.filter((c) => c !== "pdfinfo") }) });
    expect(plan.packages).toEqual(["poppler-utils"]);
  });

  it("CHROMIUM_PATH names the browser the e2e tests use", () => {
    const machine = { ...FULL, files: ["/opt/chrome/chrome"] };
    expect(planSystemDeps({ runners: ["e2e"], probe: probeOf(machine) }).packages).toEqual(["chromium"]);
    expect(planSystemDeps({ runners: ["e2e"], probe: probeOf({ ...machine, env: { CHROMIUM_PATH: "/opt/chrome/chrome" } }) }).action).toBe("ok");
  });

  it("`npm test unit` does not ask for the browser, the fonts or nginx", () => {
    const machine = { ...BARE, path: ["pdftoppm", "pdftotext", "pdfinfo", "openssl"] };
    expect(planSystemDeps({ runners: ["unit"], probe: probeOf(machine) }).action).toBe("ok");
    expect(planSystemDeps({ runners: ["integration"], probe: probeOf(machine) }).action).toBe("ok");
    expect(planSystemDeps({ runners: ["e2e"], probe: probeOf(machine) }).packages).toEqual(["chromium", "fonts-noto-cjk", "nginx"]);
  });
});

describe("ensureSystemDeps", () => {
  it("installs, probes again and goes on when apt-get delivered", () => {
    const machine: Machine = { ...BARE, isRoot: true };
    const ran: string[] = [];
    const exec = (cmd: string, args: string[]) => {
      ran.push([cmd, ...args].join(" "));
      if (args[0] === "install") Object.assign(machine, FULL, { isRoot: true });
    };
    let exited: number | null = null;
    ensureSystemDeps(ALL, { probe: () => probeOf(machine), exec, log: () => {}, exit: (c: number) => (exited = c) });
    expect(ran).toEqual(["apt-get update -qq", "apt-get install -y -qq chromium fonts-noto-cjk poppler-utils openssl nginx"]);
    expect(exited).toBeNull();
  });

  it("stops (exit 1, one line) before anything runs when apt-get fails or is not allowed", () => {
    const lines: string[] = [];
    let exited: number | null = null;
    const exec = () => {
      throw new Error("E: Unable to locate package chromium");
    };
    ensureSystemDeps(["e2e"], { probe: () => probeOf({ ...FULL, files: [], isRoot: true }), exec, log: (l: string) => lines.push(l), exit: (c: number) => (exited = c) });
    expect(exited).toBe(1);
    expect(lines.at(-1)).toBe("npm test: apt-get could not install chromium — install them, then run npm test again.");
    lines.length = 0;
    exited = null;
    ensureSystemDeps(["e2e"], { probe: () => probeOf({ ...FULL, files: [] }), exec, log: (l: string) => lines.push(l), exit: (c: number) => (exited = c) });
    expect([exited, lines.length]).toEqual([1, 1]);
  });
});

describe("probeSystem on this machine", () => {
  it("finds commands on PATH only", () => {
    const probe = probeSystem({ PATH: "/usr/bin:/bin" });
    expect(probe.findCommand("sh")).toMatch(/\/sh$/);
    expect(probeSystem({ PATH: "/nonexistent" }).findCommand("sh")).toBeNull();
  });
});
