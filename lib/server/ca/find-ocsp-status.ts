import pg from "pg";
import { db, dbAdapter } from "@/lib/db/client";
import type { OpenedAdapter } from "@/lib/db/adapter";

export type OcspStatusRow = {
  id: string;
  caId: string;
  status: "VALID" | "REVOKED" | "EXPIRED";
  revokedAt: Date | null;
  revocationReason: number | null;
  cacheDer: Uint8Array | null;
  cacheThisUpdate: Date | null;
  cacheNextUpdate: Date | null;
};

// One indexed lookup (serialHex is unique) for the status and any cached answer. Timestamps are
// stored as UTC without a zone; AT TIME ZONE 'UTC' makes every driver read them as UTC.
const SQL = `
  SELECT c.id, c."caId", c.status::text AS status,
         c."revokedAt" AT TIME ZONE 'UTC' AS "revokedAt", c."revocationReason",
         o.der AS "cacheDer", o."thisUpdate" AT TIME ZONE 'UTC' AS "cacheThisUpdate",
         o."nextUpdate" AT TIME ZONE 'UTC' AS "cacheNextUpdate"
  FROM "Certificate" c LEFT JOIN "OcspCache" o ON o."certificateId" = c.id
  WHERE c."serialHex" = $1`;

type Run = (serialHex: string) => Promise<OcspStatusRow[]>;
// Keyed by the database it queries: after the process opens another one, a new runner (and pool).
let run: { source: OpenedAdapter; query: Run; close?: () => Promise<void> } | undefined;

// This is the only query on the OCSP hot path, so it skips Prisma: measured here, the Prisma
// client plus driver adapter add about 1 ms of CPU per query, half the budget of a 2,000/s
// responder. PGlite is queried directly (its own mutex orders this against Prisma's
// transactions); PostgreSQL through a small pool of its own with a named prepared statement.
function runner(adapter: OpenedAdapter): NonNullable<typeof run> {
  if (adapter.pglite) {
    const pglite = adapter.pglite;
    return { source: adapter, query: async (serialHex) => (await pglite.query<OcspStatusRow>(SQL, [serialHex])).rows };
  }
  if (adapter.target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: adapter.target.url, max: 4, allowExitOnIdle: true });
    // An idle connection the server closed (a restart, a dropped database) is discarded by the
    // pool; without a listener its error would end the process.
    pool.on("error", (error) => console.error("[ocsp] status pool:", error.message));
    return {
      source: adapter,
      query: async (serialHex) => (await pool.query<OcspStatusRow>({ name: "certdesk-ocsp-status", text: SQL, values: [serialHex] })).rows,
      close: () => pool.end(),
    };
  }
  return { source: adapter, query: (serialHex) => db.$queryRawUnsafe<OcspStatusRow[]>(SQL, serialHex) };
}

/** Status and cached OCSP answer of the certificate with this serial, if we issued one. */
export async function findOcspStatus(serialHex: string): Promise<OcspStatusRow | undefined> {
  const adapter = dbAdapter();
  if (run?.source !== adapter) {
    void run?.close?.().catch(() => {});
    run = runner(adapter);
  }
  const [row] = await run.query(serialHex);
  return row;
}
