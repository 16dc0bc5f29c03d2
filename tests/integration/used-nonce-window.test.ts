// Hole 8 of issue 17: UsedNonce rows can be forgotten because a two-party nonce carries its time
// and the server refuses one made outside the window, with or without its row.
import { afterEach, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { utf8ToBytes } from "@/lib/pki/encoding";
import { newNonce, startKeygen, startSign } from "@/lib/pki/two-party";
import { db } from "@/lib/db/client";
import { createKeyShare } from "@/lib/server/keys/create-key-share";
import { runSignHalf } from "@/lib/server/keys/run-sign-half";
import { pruneUsedNonces } from "@/lib/server/keys/prune-used-nonces";
import { runCertMaintenance } from "@/lib/server/ca/run-cert-maintenance";
import { NONCE_KEEP_MS, NONCE_WINDOW_MS } from "@/lib/server/keys/assert-fresh-nonce";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { issuedUnit, phoneKeygen } from "./certs-support";

const MINUTE = 60_000;

afterEach(() => vi.useRealTimers());

async function signRequest(nonce?: string) {
  const { user, sign: key } = await issuedUnit();
  const { request } = startSign({ keyId: key.keyShareId, message: utf8ToBytes("nonce window"), publicKey: key.publicKey });
  return { user, key, request: nonce ? { ...request, nonce } : request };
}

/** Rows as if recorded `ageMs` ago (a random nonce each: only the row's age matters to pruning). */
async function oldRows(keyShareId: string, count: number, ageMs: number) {
  const createdAt = new Date(Date.now() - ageMs);
  const nonces = Array.from({ length: count }, () => randomBytes(16).toString("hex"));
  await db.usedNonce.createMany({ data: nonces.map((nonce) => ({ nonce, keyShareId, createdAt })) });
  return nonces;
}

describe("two-party nonces carry their time", () => {
  it("a replay inside the window is refused by its recorded row", async () => {
    const { user, key, request } = await signRequest();
    await runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" });
    await expectAppError(runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" }), "conflict", "replayed");
  });

  it("a message whose nonce is older than the window is refused although no row names it, and is not recorded", async () => {
    const stale = newNonce(Date.now() - NONCE_WINDOW_MS - MINUTE);
    const { user, key, request } = await signRequest(stale);
    const err = await expectAppError(runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" }), "validation_failed", "errors.phoneClockOff");
    expect(err.status).toBe(422);
    expect(err.fields).toEqual({ nonce: ["errors.phoneClockOff"] });
    expect(await db.usedNonce.count({ where: { nonce: stale } })).toBe(0);
  });

  it("a nonce from beyond the window in the future is refused; a few minutes either way is accepted", async () => {
    const { user, key } = await signRequest();
    const send = (offsetMs: number) => {
      const { request } = startSign({ keyId: key.keyShareId, message: utf8ToBytes("clock"), publicKey: key.publicKey });
      return runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request: { ...request, nonce: newNonce(Date.now() + offsetMs) }, route: "test" });
    };
    await expectAppError(send(NONCE_WINDOW_MS + MINUTE), "validation_failed", "errors.phoneClockOff");
    await expect(send(5 * MINUTE)).resolves.toMatchObject({ keyId: key.keyShareId });
    await expect(send(-5 * MINUTE)).resolves.toMatchObject({ keyId: key.keyShareId });
  });

  it("key generation refuses a stale nonce too", async () => {
    const user = await createUser();
    const { request } = startKeygen();
    await expectAppError(createKeyShare({ userId: user.id, request: { ...request, nonce: newNonce(Date.now() - NONCE_WINDOW_MS - MINUTE) } }), "validation_failed", "errors.phoneClockOff");
    expect(await db.keyShare.count({ where: { userId: user.id } })).toBe(0);
  });

  it("after maintenance pruned its row, a replay of the message later is refused as stale", async () => {
    const { user, key, request } = await signRequest();
    await runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" });
    expect(await db.usedNonce.count({ where: { nonce: request.nonce } })).toBe(1);

    // The server's clock moves on past the kept period (only Date is faked: timers and I/O run).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + NONCE_KEEP_MS + MINUTE);
    const result = await runCertMaintenance();
    expect(result.nonces).toBeGreaterThanOrEqual(1);
    expect(await db.usedNonce.count({ where: { nonce: request.nonce } })).toBe(0);
    await expectAppError(runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" }), "validation_failed", "errors.phoneClockOff");
  });
});

describe("pruning UsedNonce", () => {
  it("deletes rows older than the kept period in batches and keeps recent ones", async () => {
    const user = await createUser();
    const key = await phoneKeygen(user.id);
    const old = await oldRows(key.keyShareId, 23, NONCE_KEEP_MS + MINUTE);
    const recent = await oldRows(key.keyShareId, 5, NONCE_KEEP_MS - 5 * MINUTE);
    const deleted = await pruneUsedNonces({ batchSize: 4 });
    expect(deleted).toBeGreaterThanOrEqual(old.length);
    expect(await db.usedNonce.count({ where: { nonce: { in: old } } })).toBe(0);
    expect(await db.usedNonce.count({ where: { nonce: { in: recent } } })).toBe(recent.length);
    // The keygen's own nonce (recorded just now) is kept.
    expect(await db.usedNonce.count({ where: { keyShareId: key.keyShareId } })).toBe(recent.length + 1);
  });

  it("two instances pruning while two others record new nonces: old rows go, every new one stays and still refuses its replay", async () => {
    const { user, sign: key } = await issuedUnit();
    const old = await oldRows(key.keyShareId, 300, NONCE_KEEP_MS + MINUTE);
    const requests = Array.from({ length: 12 }, () => startSign({ keyId: key.keyShareId, message: utf8ToBytes("parallel"), publicKey: key.publicKey }).request);
    const signAll = (part: typeof requests) =>
      Promise.all(part.map((request) => runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" })));
    const [pruneA, pruneB] = await Promise.all([
      pruneUsedNonces({ batchSize: 25 }),
      pruneUsedNonces({ batchSize: 25 }),
      signAll(requests.slice(0, 6)),
      signAll(requests.slice(6)),
    ]);
    expect(pruneA + pruneB).toBeGreaterThanOrEqual(old.length);
    expect(await db.usedNonce.count({ where: { nonce: { in: old } } })).toBe(0);
    expect(await db.usedNonce.count({ where: { nonce: { in: requests.map((r) => r.nonce) } } })).toBe(requests.length);
    for (const request of requests.slice(0, 3)) {
      await expectAppError(runSignHalf({ userId: user.id, keyShareId: key.keyShareId, request, route: "test" }), "conflict", "replayed");
    }
  });
});
