// `npm run bench -- cluster`: scan round trips and OCSP through nginx on a cluster of 1, then 2
// instances (scripts/cluster.ts on the production build in .next, a private PostgreSQL server in a
// temp folder), and the scaling ratio 2 : 1. On a machine with few cores the instances, nginx,
// PostgreSQL and this load generator share the same cores: the ratio is printed with the core count.
//  - scan login with PIN: the platform creates the request (HTTP Basic), the phone opens it, runs
//    the joint signature (server half after the argon2id PIN check) and completes it, the platform
//    reads it: five calls through nginx per trip, 20 concurrent (tests/support/cluster-harness.ts);
//  - OCSP: GET /pki/ocsp/<request> for a good certificate (pre-signed answer, per-process memo),
//    50 keep-alive clients (bench/http-load.ts).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import type { BenchResult } from "./measure";
import { hammer } from "./http-load";

const TRIP_CONCURRENCY = 20;
const OCSP_CONCURRENCY = 50;
const PG_PORT = 55492;
const NGINX_PORT = 8690;
const BASE_PORT = 3691;
const PIN = "285714";
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function runClusterBench(): Promise<BenchResult[]> {
  const root = path.resolve(import.meta.dirname, "..");
  // Needs the production build, nginx and PostgreSQL's initdb: without them, one row saying so.
  const missing = [
    !existsSync(path.join(root, ".next", "BUILD_ID")) && "a production build (npx next build)",
    spawnSync("nginx", ["-v"]).error && "nginx",
    spawnSync("bash", ["-c", "ls /usr/lib/postgresql/*/bin/initdb || command -v initdb"]).status !== 0 && "PostgreSQL's initdb",
  ].filter(Boolean);
  if (missing.length) return [{ name: "cluster bench skipped", value: 0, unit: "", note: `needs ${missing.join(", ")}` }];
  const harness = await import("../tests/support/cluster-harness");
  const pgServer = harness.startPrivatePostgres({ port: PG_PORT });
  const databaseUrl = pgServer.url("certdesk_bench_cluster");
  const dir = path.join(root, ".data-cluster-bench");
  const env = { SCAN_PLATFORM_PER_MINUTE: "1000000", SMS_IP_HOURLY_CAP: "100000", LOG_LEVEL: "warn" };
  const rows: BenchResult[] = [];
  try {
    await harness.createDatabase(pgServer.url(), "certdesk_bench_cluster");
    const figures: Record<number, { trip: { perSecond: number; p50: number; p99: number; n: number; errors: number }; ocsp: Awaited<ReturnType<typeof hammer>> }> = {};
    let fixtures: Awaited<ReturnType<typeof makeFixtures>> | undefined;
    for (const instances of [1, 2]) {
      // The same folder and database for both runs: the same secrets, the fixtures made once.
      const cluster = await harness.startCluster({ instances, port: NGINX_PORT, basePort: BASE_PORT, dir, databaseUrl, env, respawn: false, fresh: instances === 1 });
      try {
        if (!fixtures) {
          await harness.useClusterEnvironment(cluster, databaseUrl);
          fixtures = await makeFixtures();
        }
        const f = fixtures;
        const runTrips = async (ms: number) => {
          const latencies: number[] = [];
          let errors = 0;
          const t0 = performance.now();
          await Promise.all(
            Array.from({ length: TRIP_CONCURRENCY }, async (_, w) => {
              while (performance.now() - t0 < ms) {
                const s = performance.now();
                try {
                  const t = await harness.scanLoginTrip({ url: cluster.url, authorization: f.authorization, holder: f.holders[w % f.holders.length]!, pin: PIN, challenge: `bench-${randomBytes(8).toString("hex")}`, step: (call) => call() });
                  if (t.completed.status !== 200 || t.platform.status !== "completed") throw new Error(`trip ended ${t.completed.status}`);
                  latencies.push(performance.now() - s);
                } catch {
                  errors++;
                }
              }
            }),
          );
          const elapsed = (performance.now() - t0) / 1000;
          latencies.sort((a, b) => a - b);
          return { perSecond: latencies.length / elapsed, p50: pct(latencies, 50), p99: pct(latencies, 99), n: latencies.length, errors };
        };
        const load = () => loadavg()[0]!.toFixed(1);
        const loadBefore = load();
        await runTrips(1500); // warm-up (JIT, connection pools, the CA cache on every instance)
        const trip = await runTrips(8000);
        const ocspCheck = (status: number) => status === 200;
        await hammer({ port: cluster.port, path: f.ocspPath, method: "GET", concurrency: OCSP_CONCURRENCY, ms: 1000, check: ocspCheck });
        const ocsp = await hammer({ port: cluster.port, path: f.ocspPath, method: "GET", concurrency: OCSP_CONCURRENCY, ms: 4000, check: ocspCheck });
        // The same on instance 1 without nginx: what the proxy hop costs.
        const direct = instances === 1 ? await hammer({ port: Number(new URL(cluster.instances[0]!).port), path: f.ocspPath, method: "GET", concurrency: OCSP_CONCURRENCY, ms: 4000, check: ocspCheck }) : undefined;
        figures[instances] = { trip, ocsp };
        // What else ran on the machine meanwhile (1-minute load average): the figures are only comparable at a similar load.
        const loadNote = `load average ${loadBefore} → ${load()} on ${availableParallelism()} cores`;
        const label = `${instances} instance${instances > 1 ? "s" : ""}`;
        rows.push(
          { name: `scan login through nginx, ${label}: throughput`, value: trip.perSecond, unit: "trip/s", note: `${trip.n} round trips, ${trip.errors} errors, ${TRIP_CONCURRENCY} concurrent; ${loadNote}` },
          { name: `scan login through nginx, ${label}: p50`, value: trip.p50, unit: "ms" },
          { name: `scan login through nginx, ${label}: p99`, value: trip.p99, unit: "ms" },
          { name: `OCSP GET through nginx, ${label}: throughput`, value: ocsp.perSecond, unit: "resp/s", note: `${ocsp.requests} answers, ${ocsp.errors} errors, ${OCSP_CONCURRENCY} keep-alive clients; ${loadNote}` },
          { name: `OCSP GET through nginx, ${label}: p50`, value: ocsp.p50Ms, unit: "ms" },
          { name: `OCSP GET through nginx, ${label}: p99`, value: ocsp.p99Ms, unit: "ms" },
        );
        if (direct) rows.push({ name: "OCSP GET straight to the instance (no nginx)", value: direct.perSecond, unit: "resp/s", note: `p50 ${direct.p50Ms.toFixed(0)} ms, p99 ${direct.p99Ms.toFixed(0)} ms, ${direct.errors} errors; ${loadNote}` });
      } finally {
        await cluster.stop();
      }
    }
    const cores = availableParallelism();
    const ratio = (a: number, b: number) => (b ? a / b : 0);
    rows.push(
      { name: "scaling 2 : 1 instances, scan login", value: ratio(figures[2]!.trip.perSecond, figures[1]!.trip.perSecond), unit: "×", note: `${cores} cores shared by nginx, PostgreSQL, the instances and the load generator` },
      { name: "scaling 2 : 1 instances, OCSP", value: ratio(figures[2]!.ocsp.perSecond, figures[1]!.ocsp.perSecond), unit: "×", note: `${cores} cores` },
    );
    return rows;
  } finally {
    const { closeDb } = await import("@/lib/db/client");
    await closeDb().catch(() => {});
    pgServer.close();
  }
}

/** Holders with dual certificates (the phone's download, in this process), a platform, an OCSP request. */
async function makeFixtures() {
  const { holderWithCertificates } = await import("../tests/integration/scan-phone-support");
  const { createPlatform } = await import("../tests/support/platform-fixtures");
  const { sessionCookie } = await import("../tests/support/route-request");
  const { buildOcspRequest } = await import("@/lib/pki/ocsp/build-ocsp-request");
  const { db } = await import("@/lib/db/client");
  const holders = [];
  for (let i = 0; i < 10; i++) {
    const h = await holderWithCertificates();
    holders.push({ ...h, cookie: await sessionCookie(h.user.id) });
  }
  const { authorization } = await createPlatform();
  const cert = await db.certificate.findUniqueOrThrow({ where: { id: holders[0]!.sign.cert.id }, include: { ca: true } });
  const request = buildOcspRequest({ certificate: cert.der, issuer: cert.ca.certDer }).der;
  return { holders, authorization, ocspPath: `/pki/ocsp/${encodeURIComponent(Buffer.from(request).toString("base64"))}` };
}
