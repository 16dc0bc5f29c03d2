import { db, dbAdapter } from "@/lib/db/client";

/**
 * What failed, as the driver names it: the driver adapter's error kind (DatabaseNotReachable,
 * ConnectionClosed…) or else the first error code on the cause chain (ECONNREFUSED, 57P01,
 * P2010…); never a message (it may name hosts or users).
 */
function errorCode(err: unknown): string | undefined {
  const adapterKind = (err as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null)?.meta?.driverAdapterError?.cause?.kind;
  if (typeof adapterKind === "string" && /^[A-Za-z]{2,40}$/.test(adapterKind)) return adapterKind;
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z0-9_]{2,32}$/.test(code)) return code;
  }
  return undefined;
}

export async function checkHealth() {
  const started = Date.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true, database: { ok: true, kind: dbAdapter().target.kind, latencyMs: Date.now() - started } };
  } catch (err) {
    const code = errorCode(err);
    console.error("[health] database unreachable:", code ?? (err instanceof Error ? err.message : err));
    // The reason a load balancer or an operator reads: which dependency is down, and the driver's code.
    return { ok: false, reason: "database_unreachable", database: { ok: false, kind: dbAdapter().target.kind, ...(code ? { code } : {}) } };
  }
}
