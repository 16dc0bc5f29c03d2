// The wake-up behind the event streams: an UPDATE of an identity check, committed through the app's
// database client, reaches a watcher through PostgreSQL LISTEN/NOTIFY well before the 1 s poll; on
// PGlite (no DATABASE_URL) the watcher falls back to its timeout.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closeRowChangeListener, watchRowChanges } from "@/lib/db/row-changes";
import { createUser } from "../support/factories";

afterAll(closeRowChangeListener);

async function newCheck() {
  const user = await createUser();
  return db.identityCheck.create({ data: { userId: user.id, method: "CORP_DEPOSIT", role: "ENTERPRISE", subject: {}, provider: "sandbox" } });
}

describe("row change notifications", () => {
  it.runIf(Boolean(process.env.DATABASE_URL))("wake a watcher of the row at once when it is updated, and only that row's watchers", async () => {
    const [check, other] = [await newCheck(), await newCheck()];
    const watch = watchRowChanges("IdentityCheck", check.id);
    const unrelated = watchRowChanges("IdentityCheck", other.id);
    // ready(): the LISTEN connection the first watch opens is up, so the very first update wakes it
    // (a stream awaits this before its first read).
    await watch.ready(5_000);

    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const woke = watch.next(5_000).then(() => performance.now() - t);
      await db.identityCheck.update({ where: { id: check.id }, data: { status: i % 2 ? "PENDING" : "PASSED" } });
      delays.push(await woke);
    }
    console.log(`[row-changes] update → watcher woken: ${delays.map((d) => `${d.toFixed(1)} ms`).join(", ")}`);
    for (const d of delays) expect(d).toBeLessThan(500);

    // The other row's watcher saw nothing: it waits out its timeout.
    const t = Date.now();
    await unrelated.next(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(190);
    watch.close();
    unrelated.close();
  });

  it("falls back to the timeout when nothing changes", async () => {
    const check = await newCheck();
    const watch = watchRowChanges("IdentityCheck", check.id);
    const t = Date.now();
    await watch.next(150);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    watch.close();
  });
});
