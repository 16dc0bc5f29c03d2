import { db, dbAdapter } from "@/lib/db/client";

export async function checkHealth() {
  const started = Date.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true, database: { ok: true, kind: dbAdapter().target.kind, latencyMs: Date.now() - started } };
  } catch (err) {
    console.error("[health] database unreachable:", err instanceof Error ? err.message : err);
    return { ok: false, database: { ok: false, kind: dbAdapter().target.kind } };
  }
}
