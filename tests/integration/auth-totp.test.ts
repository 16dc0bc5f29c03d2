import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSession } from "@/lib/server/auth/create-session";
import { loadSessionUser } from "@/lib/server/auth/load-session-user";
import { authorizeSessionUser } from "@/lib/server/auth/require-user";
import { startTotpSetup } from "@/lib/server/auth/totp/start-totp-setup";
import { confirmTotpSetup } from "@/lib/server/auth/totp/confirm-totp-setup";
import { passSecondFactorWithTotp } from "@/lib/server/auth/totp/pass-second-factor-with-totp";
import { disableTotp } from "@/lib/server/auth/totp/disable-totp";
import { base32Decode, hotp, totpStep } from "@/lib/server/auth/totp/totp";
import { createUser, uniqueIp } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";

async function staffSession(userId?: string) {
  const id = userId ?? (await createUser({ role: "CA_REVIEWER" })).id;
  const s = await db.$transaction((tx) => createSession(tx, { userId: id, method: "password", ip: uniqueIp() }));
  return (await loadSessionUser({ sessionId: s.id }))!;
}

/** Sets TOTP up through the real calls; returns the secret as the app would hold it. */
async function enrol() {
  const session = await staffSession();
  const setup = await startTotpSetup({ userId: session.id, sessionId: session.sessionId });
  const secret = base32Decode(setup.secret);
  const step = totpStep(new Date());
  await confirmTotpSetup({ userId: session.id, sessionId: session.sessionId, code: hotp(secret, step), ip: "127.0.0.1" });
  return { session, secret, step, setup };
}

const wrongCode = (secret: Uint8Array) => {
  const now = totpStep(new Date());
  const near = new Set([-1, 0, 1].map((d) => hotp(secret, now + d)));
  for (let i = 0; ; i++) {
    const c = String(100000 + i);
    if (!near.has(c)) return c;
  }
};

describe("TOTP second factor", () => {
  it("set up with a QR, confirmed with the first code; the secret is sealed at rest and omitted by default", async () => {
    const { session, setup } = await enrol();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/CertDesk:/);
    expect(setup.qrSvg).toContain("<svg");
    expect(await db.user.findUniqueOrThrow({ where: { id: session.id } })).not.toHaveProperty("totpSecret");
    const raw = await db.$queryRaw<Array<{ totpSecret: string; totpPendingSecret: string | null }>>`
      SELECT "totpSecret", "totpPendingSecret" FROM "User" WHERE id = ${session.id}`;
    expect(raw[0]!.totpSecret).toMatch(/^v2\.k[0-9a-f]{12}\./);
    expect(raw[0]!.totpSecret).not.toContain(setup.secret);
    expect(raw[0]!.totpPendingSecret).toBeNull();
    expect((await loadSessionUser({ sessionId: session.sessionId }))?.secondFactorAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "totp.enable", actorId: session.id } })).toBe(1);
  });

  it("passes the console check with a code; a used code (and its step) is refused", async () => {
    const { session, secret, step } = await enrol();
    const next = await staffSession(session.id);
    expect(() => authorizeSessionUser(next, { permission: "orders.review" })).toThrow();
    // The confirm code's step is used: the same code is refused, the next step's code passes (±1 step).
    await expectAppError(passSecondFactorWithTotp({ userId: session.id, sessionId: next.sessionId, code: hotp(secret, step), ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.totpReused");
    await passSecondFactorWithTotp({ userId: session.id, sessionId: next.sessionId, code: hotp(secret, step + 1), ip: "127.0.0.1" });
    const passed = (await loadSessionUser({ sessionId: next.sessionId }))!;
    expect(authorizeSessionUser(passed, { permission: "orders.review" }).role).toBe("CA_REVIEWER");
    const third = await staffSession(session.id);
    await expectAppError(passSecondFactorWithTotp({ userId: session.id, sessionId: third.sessionId, code: hotp(secret, step + 1), ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.totpReused");
    expect((await loadSessionUser({ sessionId: third.sessionId }))?.secondFactorAt).toBeNull();
    const fails = await db.auditLog.findMany({ where: { action: "auth.second_factor_fail", actorId: session.id } });
    expect(fails.map((f) => (f.data as { reason: string }).reason)).toEqual(["reused_code", "reused_code"]);
  });

  it("10 parallel submissions of one right code: one passes", async () => {
    const { session, secret, step } = await enrol();
    const sessions = await Promise.all(Array.from({ length: 10 }, () => staffSession(session.id)));
    const code = hotp(secret, step + 1);
    const results = await Promise.allSettled(sessions.map((s) => passSecondFactorWithTotp({ userId: session.id, sessionId: s.sessionId, code, ip: "127.0.0.1" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("20 parallel wrong codes: at most 5 evaluated, then even the right code waits for the window", async () => {
    const { session, secret, step } = await enrol();
    const next = await staffSession(session.id);
    const wrong = wrongCode(secret);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => passSecondFactorWithTotp({ userId: session.id, sessionId: next.sessionId, code: wrong, ip: "127.0.0.1" })),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"));
    expect(codes.filter((c) => c === "code_invalid")).toHaveLength(5);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(15);
    const err = await expectAppError(passSecondFactorWithTotp({ userId: session.id, sessionId: next.sessionId, code: hotp(secret, step + 1), ip: "127.0.0.1" }), "rate_limited");
    expect(err.retryAfter).toBeGreaterThan(800);
    expect((await loadSessionUser({ sessionId: next.sessionId }))?.secondFactorAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.second_factor_fail", actorId: session.id } })).toBe(5);
  });

  it("a wrong confirmation code does not enable it; staff with TOTP must step up to change factors", async () => {
    const session = await staffSession();
    const setup = await startTotpSetup({ userId: session.id, sessionId: session.sessionId });
    await expectAppError(confirmTotpSetup({ userId: session.id, sessionId: session.sessionId, code: wrongCode(base32Decode(setup.secret)), ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.totpWrong");
    expect((await db.user.findUniqueOrThrow({ where: { id: session.id } })).totpEnabledAt).toBeNull();

    const { session: enrolled } = await enrol();
    const fresh = await staffSession(enrolled.id);
    await expectAppError(startTotpSetup({ userId: enrolled.id, sessionId: fresh.sessionId }), "forbidden", "passkeys.errors.stepUpRequired");
    await expectAppError(disableTotp({ userId: enrolled.id, sessionId: fresh.sessionId, ip: "127.0.0.1" }), "forbidden", "passkeys.errors.stepUpRequired");
    await disableTotp({ userId: enrolled.id, sessionId: enrolled.sessionId, ip: "127.0.0.1" });
    expect((await db.user.findUniqueOrThrow({ where: { id: enrolled.id } })).totpEnabledAt).toBeNull();
  });
});
