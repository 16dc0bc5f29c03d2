// `npm run bench`: runs every bench module, prints one table, then OpenSSL's native SM2 speed as the
// reference the JavaScript figures are compared with. Add a module by adding its runner below.
import { execFileSync } from "node:child_process";
import type { BenchResult } from "./measure";
import { runPrimitiveBench } from "./pki-primitives";
import { runCaBench } from "./pki-ca";
import { runKeyCustodyBench } from "./key-custody";
import { runScanRoundTripBench } from "./scan-round-trip";
import { runClusterBench } from "./cluster";

const RUNNERS: Array<{ name: string; run: () => Promise<BenchResult[]> }> = [
  { name: "pki-primitives", run: runPrimitiveBench },
  { name: "key-custody (host-side check of every CA signature: r‖s → DER, verify before use)", run: runKeyCustodyBench },
  { name: "pki-ca (issuance; OCSP over HTTP on loopback, embedded database)", run: runCaBench },
  { name: "scan-round-trip (platform API + simulated phone over HTTP on loopback, embedded database)", run: runScanRoundTripBench },
  { name: "cluster (login round trips and OCSP through nginx, 1 and 2 next start instances, PostgreSQL)", run: runClusterBench },
];

function opensslSm2Speed(): { sign: number; verify: number } | undefined {
  try {
    const out = execFileSync("openssl", ["speed", "-seconds", "2", "sm2"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    // "256 bits SM2 (CurveSM2)   0.0004s   0.0004s   2415.0   2621.6"
    const match = /SM2 \(CurveSM2\)\s+\S+\s+\S+\s+([\d.]+)\s+([\d.]+)/.exec(out);
    return match ? { sign: Number(match[1]), verify: Number(match[2]) } : undefined;
  } catch {
    return undefined;
  }
}

function printTable(rows: BenchResult[]) {
  const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: v < 100 ? 1 : 0 });
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    console.log(`${r.name.padEnd(width)}  ${fmt(r.value).padStart(10)} ${r.unit.padEnd(6)} ${r.note ?? ""}`);
  }
}

async function main() {
  const all: BenchResult[] = [];
  // `npm run bench -- scan` runs only the modules whose name contains "scan".
  const only = process.argv[2];
  for (const runner of RUNNERS.filter((r) => !only || r.name.includes(only))) {
    console.log(`\n== ${runner.name}`);
    const rows = await runner.run();
    printTable(rows);
    all.push(...rows);
  }

  console.log("\n== native reference: openssl speed -seconds 2 sm2 (one core)");
  const native = opensslSm2Speed();
  if (native) printNative(all, native);
  else console.log("openssl speed sm2 unavailable");
  printTargets(all);
}

/** Issue 15's targets, each with the figure measured in this run, the target and PASS/FAIL. */
function printTargets(all: BenchResult[]) {
  const rows = all.filter((r) => r.target);
  if (rows.length === 0) return;
  console.log("\n== targets (figures from this run)");
  const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: v < 100 ? 1 : 0 });
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const t = r.target!;
    const ok = t.op === ">=" ? r.value >= t.value : r.value < t.value;
    console.log(`${ok ? "PASS" : "FAIL"}  ${r.name.padEnd(width)}  ${fmt(r.value).padStart(9)} ${r.unit.padEnd(7)} target ${t.label} (${t.op} ${fmt(t.value)})`);
  }
}

function printNative(all: BenchResult[], native: { sign: number; verify: number }) {
  const find = (prefix: string) => all.find((r) => r.name.startsWith(prefix))?.value;
  const pct = (ours: number | undefined, theirs: number) => (ours ? `${((100 * ours) / theirs).toFixed(0)}% of native` : "");
  printTable([
    { name: "openssl SM2 sign", value: native.sign, unit: "ops/s", note: `sm2.sign is ${pct(find("sm2.sign "), native.sign)}` },
    {
      name: "openssl SM2 verify",
      value: native.verify,
      unit: "ops/s",
      note: `sm2.verify is ${pct(find("sm2.verify"), native.verify)}`,
    },
    {
      name: "two-party serverSign vs openssl sign",
      value: find("two-party serverSign (server half)") ?? 0,
      unit: "ops/s",
      note: pct(find("two-party serverSign (server half)"), native.sign),
    },
    // A certificate costs one signature and the builder's check of it; a nonce OCSP answer one signature.
    {
      name: "certificate issuance vs openssl sign",
      value: find("certificate issuance") ?? 0,
      unit: "cert/s",
      note: pct(find("certificate issuance"), native.sign),
    },
    {
      name: "OCSP signed per request vs openssl sign",
      value: find("OCSP over HTTP, signed") ?? 0,
      unit: "resp/s",
      note: pct(find("OCSP over HTTP, signed"), native.sign),
    },
  ]);
}

await main();
