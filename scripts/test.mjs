// `npm test`: every test. Unit → integration (PostgreSQL when TEST_PG_URL is set, plus the embedded
// PGlite path for migrations and auth) → production build → cluster fault tests on that build
// (tests/faults) → Playwright end-to-end in Chromium.
// Prints one closing line "N passed, N failed" summed over all runners.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureDependencies, nextBin, root } from "./setup-lib.mjs";
import { ensureSystemDeps } from "./system-deps.mjs";

const only = process.argv[2]; // optional: unit | integration | e2e
// Chromium, CJK fonts, poppler, OpenSSL, nginx: installed (root + apt-get) or named in one line, before anything runs.
ensureSystemDeps(only ? [only] : ["unit", "integration", "e2e"]);
ensureDependencies();
const out = path.join(root, "test-results", "summary");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep = null;

function step(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name} ━━`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0 && !failedStep) failedStep = name;
  return r.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += j.numPassedTests ?? 0;
  totals.failed += (j.numFailedTests ?? 0) + (j.numFailedTestSuites ? 0 : 0);
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function vitest(name, project, files, env, tag) {
  const json = path.join(out, `vitest-${tag}.json`);
  step(name, path.join(root, "node_modules", ".bin", "vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${json}`, ...files], env);
  countVitest(json);
}

if (!only || only === "unit") vitest("unit tests", "unit", [], {}, "unit");

if (!only || only === "integration") {
  const pg = process.env.TEST_PG_URL;
  vitest(`integration tests on ${pg ? "PostgreSQL" : "embedded PGlite"}`, "integration", [], {}, "integration");
  if (pg) {
    vitest("integration tests on embedded PGlite (migrations, auth)", "integration", ["tests/integration/db-", "tests/integration/auth-"], { CERTDESK_TEST_DB: "pglite" }, "integration-pglite");
  }
}

if (!only || only === "e2e") {
  if (step("production build", nextBin(), ["build"])) {
    // Cluster faults (SIGKILLed instances, a PostgreSQL crash) on the build just made: needs nginx and initdb.
    vitest("cluster fault tests (2 instances behind nginx, private PostgreSQL)", "faults", [], { CERTDESK_FAULT_TESTS: "1" }, "faults");
    const json = path.join(out, "playwright.json");
    step("end-to-end tests (Playwright, Chromium)", path.join(root, "node_modules", ".bin", "playwright"), ["test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: json,
    });
    if (existsSync(json)) {
      const s = JSON.parse(readFileSync(json, "utf8")).stats ?? {};
      totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
      totals.failed += s.unexpected ?? 0;
      totals.skipped += s.skipped ?? 0;
    }
  }
}

if (failedStep && totals.failed === 0) totals.failed = 1; // a step failed outside any test (build, setup)
console.log(`\n${failedStep ? `failed step: ${failedStep}\n` : ""}${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failedStep ? 1 : 0);
