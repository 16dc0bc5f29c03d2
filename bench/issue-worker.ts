// One issuing process for the pki-ca bench's multi-process issuance figure: `--setup` migrates the
// database and makes the CA hierarchy; otherwise it makes its own holder and key shares, prints
// "ready", waits for "go" on stdin, issues dual pairs `--concurrency` at a time for `--ms`, and
// prints {"calls":…,"ms":…,"cpuMs":…}. The parent passes the environment (database, KEK, DATA_DIR),
// the same for every worker, as instances of one desk share them.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { setup: { type: "boolean" }, ms: { type: "string", default: "4000" }, concurrency: { type: "string", default: "8" } } });
const { db, dbAdapter, closeDb } = await import("@/lib/db/client");
if (values.setup) {
  const { applyMigrations } = await import("@/lib/db/apply-migrations");
  const { ensureCaHierarchy } = await import("@/lib/server/ca/ensure-ca-hierarchy");
  await applyMigrations({ adapterFactory: dbAdapter().factory });
  await ensureCaHierarchy();
} else {
  const { issuanceHolder } = await import("./issuance-holder");
  const issue = await issuanceHolder({ phone: `199${String(process.pid).padStart(8, "0").slice(-8)}` });
  for (let i = 0; i < 5; i++) await issue(); // warm-up: JIT, the issuing CA's cache
  console.log("ready");
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).on("line", (line) => line === "go" && resolve()));
  const ms = Number(values.ms);
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  let calls = 0;
  await Promise.all(
    Array.from({ length: Number(values.concurrency) }, async () => {
      while (performance.now() - t0 < ms) {
        await issue();
        calls++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  console.log(JSON.stringify({ calls, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }));
}
await closeDb();
process.exit(0);
