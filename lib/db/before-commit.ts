// Work that must run as the last statements of a transaction opened by `db.$transaction(fn)`: after
// `fn` resolved, before the commit. The audit chain uses it (lib/server/audit/append-audit-row.ts):
// an audited transaction takes its chain's lock only there, after every other lock it takes, so
// the lock is held for the shortest time and can never be one link of a lock cycle.

type Hook = { state: unknown; run: () => Promise<void> };
const open = new WeakMap<object, Map<string, Hook>>();

/**
 * The state of `key`'s hook in the transaction `tx`, made and registered by `make` on the first call;
 * `run` gets it right before the commit. Undefined when `tx` is not an open transaction of
 * `db.$transaction(fn)` (the plain client, or a transaction that already ran its hooks): the caller
 * does the work at once instead.
 */
export function beforeCommit<S>(tx: object, key: string, make: () => S, run: (state: S) => Promise<void>): S | undefined {
  const hooks = open.get(tx);
  if (!hooks) return undefined;
  let hook = hooks.get(key);
  if (!hook) {
    const state = make();
    hook = { state, run: () => run(state) };
    hooks.set(key, hook);
  }
  return hook.state as S;
}

/** Runs `fn(tx)`, then every hook it registered, in the order registered. A throw skips the hooks. */
export async function withBeforeCommit<T, Tx extends object>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks = new Map<string, Hook>();
  open.set(tx, hooks);
  try {
    const result = await fn(tx);
    // A Map's iteration also visits hooks registered while an earlier one runs.
    for (const hook of hooks.values()) await hook.run();
    return result;
  } finally {
    open.delete(tx);
  }
}
