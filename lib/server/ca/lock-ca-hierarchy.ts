import type { Tx } from "@/lib/db/client";

// Any constant, distinct from the other advisory locks (audit 727_001): only one instance (or
// one `npm run ca` command) creates or changes the hierarchy at a time, the others wait.
const HIERARCHY_LOCK = 727_101;

/** Holds the hierarchy lock until the caller's transaction ends. */
export async function lockCaHierarchy(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HIERARCHY_LOCK})`;
}
