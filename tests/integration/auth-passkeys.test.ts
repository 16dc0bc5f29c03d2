import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { createSession, type LoginMethod } from "@/lib/server/auth/create-session";
import { loadSessionUser } from "@/lib/server/auth/load-session-user";
import { authorizeSessionUser } from "@/lib/server/auth/require-user";
import { startPasskeyRegistration } from "@/lib/server/auth/passkeys/start-passkey-registration";
import { finishPasskeyRegistration } from "@/lib/server/auth/passkeys/finish-passkey-registration";
import { startPasskeyAuthentication } from "@/lib/server/auth/passkeys/start-passkey-authentication";
import { loginWithPasskey } from "@/lib/server/auth/passkeys/login-with-passkey";
import { passSecondFactorWithPasskey } from "@/lib/server/auth/passkeys/pass-second-factor-with-passkey";
import { deletePasskey } from "@/lib/server/auth/passkeys/delete-passkey";
import { renamePasskey } from "@/lib/server/auth/passkeys/rename-passkey";
import { listPasskeys } from "@/lib/server/auth/passkeys/list-passkeys";
import { relyingParty } from "@/lib/server/auth/passkeys/relying-party";
import { ZAuthenticationResponseSchema, ZRegistrationResponseSchema } from "@/lib/server/auth/passkeys/passkeys.types";
import { createUser, uniqueIp } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { softAssertion, softCredential, softRegistration, type SoftCredential } from "../support/soft-authenticator";

const rp = () => ({ rpId: relyingParty().rpID, origin: relyingParty().origins[0]! });

async function sessionFor(userId: string, method: LoginMethod = "sms") {
  const s = await db.$transaction((tx) => createSession(tx, { userId, method, ip: uniqueIp() }));
  return (await loadSessionUser({ sessionId: s.id }))!;
}

async function userWithSession(role: Role = "APPLICANT") {
  const user = await createUser({ role });
  return { user, session: await sessionFor(user.id) };
}

/** Registers a software passkey for the session's user through the real ceremony. */
async function register(session: { id: string; sessionId: string }, cred: SoftCredential = softCredential(), origin = rp().origin) {
  const options = await startPasskeyRegistration({ userId: session.id, sessionId: session.sessionId });
  const response = ZRegistrationResponseSchema.parse(softRegistration(cred, { challenge: options.challenge, rpId: options.rp.id!, origin }));
  const passkey = await finishPasskeyRegistration({ userId: session.id, sessionId: session.sessionId, response, ip: "127.0.0.1" });
  cred.userHandle = Buffer.from(session.id, "utf8").toString("base64url");
  return { cred, passkey, options };
}

async function loginAssertion(cred: SoftCredential) {
  const options = await startPasskeyAuthentication({ purpose: "login", ip: uniqueIp() });
  expect(options.allowCredentials ?? []).toEqual([]);
  expect(options.userVerification).toBe("required");
  return ZAuthenticationResponseSchema.parse(softAssertion(cred, { challenge: options.challenge, ...rp() }));
}

describe("passkey registration", () => {
  it("verifies a real 'none' attestation, stores the credential and audits it", async () => {
    const { user, session } = await userWithSession();
    const { passkey, options } = await register(session);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    expect(Buffer.from(options.user.id, "base64url").toString()).toBe(user.id);
    const row = await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } });
    expect(row).toMatchObject({ userId: user.id, deviceType: "singleDevice", backedUp: false, transports: ["internal"], name: "通行密钥 1" });
    expect(row.publicKey.length).toBeGreaterThan(64);
    const audit = await db.auditLog.findFirst({ where: { action: "passkey.register", targetId: passkey.id } });
    expect(audit?.actorId).toBe(user.id);
    // Registering with user verification proves the authenticator: the session counts as second-factored.
    expect((await loadSessionUser({ sessionId: session.sessionId }))?.secondFactorAt).toBeInstanceOf(Date);
  });

  it("refuses another origin, a missing user verification, a reused or foreign challenge", async () => {
    const { session } = await userWithSession();
    const evil = await startPasskeyRegistration({ userId: session.id, sessionId: session.sessionId });
    const fromEvil = ZRegistrationResponseSchema.parse(softRegistration(softCredential(), { challenge: evil.challenge, rpId: evil.rp.id!, origin: "https://evil.example" }));
    await expectAppError(finishPasskeyRegistration({ userId: session.id, sessionId: session.sessionId, response: fromEvil, ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.registrationFailed");
    // The challenge was taken by that attempt: the same answer again is refused as used.
    await expectAppError(finishPasskeyRegistration({ userId: session.id, sessionId: session.sessionId, response: fromEvil, ip: "127.0.0.1" }), "code_expired");

    const noUv = await startPasskeyRegistration({ userId: session.id, sessionId: session.sessionId });
    const withoutUv = ZRegistrationResponseSchema.parse(softRegistration(softCredential(), { challenge: noUv.challenge, rpId: noUv.rp.id!, origin: rp().origin, userVerified: false }));
    await expectAppError(finishPasskeyRegistration({ userId: session.id, sessionId: session.sessionId, response: withoutUv, ip: "127.0.0.1" }), "code_invalid");

    const mine = await startPasskeyRegistration({ userId: session.id, sessionId: session.sessionId });
    const other = await userWithSession();
    const answer = ZRegistrationResponseSchema.parse(softRegistration(softCredential(), { challenge: mine.challenge, rpId: mine.rp.id!, origin: rp().origin }));
    await expectAppError(finishPasskeyRegistration({ userId: other.session.id, sessionId: other.session.sessionId, response: answer, ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.challengeInvalid");
    expect(await db.passkey.count({ where: { userId: { in: [session.id, other.session.id] } } })).toBe(0);
  });

  it("refuses an expired challenge", async () => {
    const { session } = await userWithSession();
    const options = await startPasskeyRegistration({ userId: session.id, sessionId: session.sessionId });
    await db.webAuthnChallenge.update({ where: { challenge: options.challenge }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = ZRegistrationResponseSchema.parse(softRegistration(softCredential(), { challenge: options.challenge, rpId: options.rp.id!, origin: rp().origin }));
    await expectAppError(finishPasskeyRegistration({ userId: session.id, sessionId: session.sessionId, response, ip: "127.0.0.1" }), "code_expired");
  });
});

describe("passkey login", () => {
  it("logs in without a phone number; the session has its second factor", async () => {
    const { user, session } = await userWithSession();
    const { cred } = await register(session);
    const { userId, sessionId } = await loginWithPasskey({ response: await loginAssertion(cred), ip: "127.0.0.1" });
    expect(userId).toBe(user.id);
    const s = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(s).toMatchObject({ method: "passkey", secondFactorMethod: "passkey" });
    expect((await loadSessionUser({ sessionId }))?.secondFactorAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "auth.login", actorId: user.id, data: { path: ["method"], equals: "passkey" } } })).toBe(1);
  });

  it("10 parallel verifications of one assertion: exactly one session", async () => {
    const { user, session } = await userWithSession();
    const { cred } = await register(session);
    const response = await loginAssertion(cred);
    const before = await db.session.count({ where: { userId: user.id } });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => loginWithPasskey({ response, ip: "127.0.0.1" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "code_expired" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(before + 1);
  });

  it("refuses a signature counter that did not move forward (cloned authenticator) and audits it", async () => {
    const { user, session } = await userWithSession();
    const cred = softCredential({ counter: 5 });
    await register(session, cred);
    await loginWithPasskey({ response: await loginAssertion(cred), ip: "127.0.0.1" }); // counter 6
    cred.counter = 5; // a clone that signs with the old counter (6 again)
    await expectAppError(loginWithPasskey({ response: await loginAssertion(cred), ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.assertionFailed");
    const fail = await db.auditLog.findFirst({ where: { action: "auth.second_factor_fail", actorId: user.id }, orderBy: { id: "desc" } });
    expect(fail?.data).toMatchObject({ method: "passkey", reason: "counter" });
    expect((await db.passkey.findFirstOrThrow({ where: { userId: user.id } })).counter).toBe(6n);
  });

  it("refuses an unknown credential, a forged signature and a missing user verification", async () => {
    await expectAppError(loginWithPasskey({ response: await loginAssertion(softCredential()), ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.unknownPasskey");
    const { session } = await userWithSession();
    const { cred } = await register(session);
    const impostor = { ...softCredential(), id: cred.id, userHandle: cred.userHandle };
    await expectAppError(loginWithPasskey({ response: await loginAssertion(impostor), ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.assertionFailed");
    const options = await startPasskeyAuthentication({ purpose: "login", ip: uniqueIp() });
    const noUv = ZAuthenticationResponseSchema.parse(softAssertion(cred, { challenge: options.challenge, ...rp(), userVerified: false }));
    await expectAppError(loginWithPasskey({ response: noUv, ip: "127.0.0.1" }), "code_invalid");
  });

  it("a second-factor challenge cannot be used to log in", async () => {
    const { session } = await userWithSession();
    const { cred } = await register(session);
    const options = await startPasskeyAuthentication({ purpose: "second-factor", ip: uniqueIp(), userId: session.id, sessionId: session.sessionId });
    const response = ZAuthenticationResponseSchema.parse(softAssertion(cred, { challenge: options.challenge, ...rp() }));
    await expectAppError(loginWithPasskey({ response, ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.challengeInvalid");
  });
});

describe("console enforcement", () => {
  it("requireUser refuses console permissions to a staff session without second factor and accepts it after", async () => {
    const { user, session } = await userWithSession("CA_REVIEWER");
    expect(session.secondFactorAt).toBeNull();
    for (const permission of ["orders.review", "console.access", "audit.read"] as const) {
      const err = (() => {
        try {
          authorizeSessionUser(session, { permission });
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(err).toMatchObject({ code: "forbidden", userMessage: "passkeys.errors.secondFactorRequired" });
    }
    // On the desk the session acts as an applicant: no "see every order" by role.
    expect(authorizeSessionUser(session).role).toBe("APPLICANT");
    expect(authorizeSessionUser(session, { permission: "desk.use" }).role).toBe("APPLICANT");

    // First enrolment is allowed from the SMS session and passes it.
    const { cred } = await register(session);
    const after = (await loadSessionUser({ sessionId: session.sessionId }))!;
    expect(authorizeSessionUser(after, { permission: "orders.review" })).toMatchObject({ id: user.id, role: "CA_REVIEWER" });

    // The next SMS login needs the second factor again; enrolling another one first is refused.
    const next = await sessionFor(user.id);
    expect(() => authorizeSessionUser(next, { permission: "orders.review" })).toThrow();
    await expectAppError(startPasskeyRegistration({ userId: user.id, sessionId: next.sessionId }), "forbidden", "passkeys.errors.stepUpRequired");
    const passkeyId = (await db.passkey.findFirstOrThrow({ where: { userId: user.id } })).id;
    await expectAppError(deletePasskey({ userId: user.id, sessionId: next.sessionId, passkeyId, ip: "127.0.0.1" }), "forbidden", "passkeys.errors.stepUpRequired");

    const options = await startPasskeyAuthentication({ purpose: "second-factor", ip: uniqueIp(), userId: user.id, sessionId: next.sessionId });
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([Buffer.from(cred.id).toString("base64url")]);
    const response = ZAuthenticationResponseSchema.parse(softAssertion(cred, { challenge: options.challenge, ...rp() }));
    await passSecondFactorWithPasskey({ userId: user.id, sessionId: next.sessionId, response, ip: "127.0.0.1" });
    const passed = (await loadSessionUser({ sessionId: next.sessionId }))!;
    expect(authorizeSessionUser(passed, { permission: "orders.review" }).role).toBe("CA_REVIEWER");
    expect(await db.auditLog.count({ where: { action: "auth.second_factor_pass", targetId: next.sessionId } })).toBe(1);
    // An applicant stays refused whatever factor they pass.
    const applicant = await userWithSession();
    expect(() => authorizeSessionUser({ ...applicant.session, secondFactorAt: new Date() }, { permission: "orders.review" })).toThrow();
  });

  it("a second-factor challenge belongs to its session, and another user's passkey does not pass", async () => {
    const { user, session } = await userWithSession("CA_ADMIN");
    const { cred } = await register(session);
    const a = await sessionFor(user.id);
    const b = await sessionFor(user.id);
    const options = await startPasskeyAuthentication({ purpose: "second-factor", ip: uniqueIp(), userId: user.id, sessionId: a.sessionId });
    const response = ZAuthenticationResponseSchema.parse(softAssertion(cred, { challenge: options.challenge, ...rp() }));
    await expectAppError(passSecondFactorWithPasskey({ userId: user.id, sessionId: b.sessionId, response, ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.challengeInvalid");
    expect((await loadSessionUser({ sessionId: b.sessionId }))?.secondFactorAt).toBeNull();

    const other = await userWithSession("CA_REVIEWER");
    const { cred: theirs } = await register(other.session);
    const mine = await sessionFor(user.id);
    const opt = await startPasskeyAuthentication({ purpose: "second-factor", ip: uniqueIp(), userId: user.id, sessionId: mine.sessionId });
    const wrong = ZAuthenticationResponseSchema.parse(softAssertion(theirs, { challenge: opt.challenge, ...rp() }));
    await expectAppError(passSecondFactorWithPasskey({ userId: user.id, sessionId: mine.sessionId, response: wrong, ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.assertionFailed");
    expect((await loadSessionUser({ sessionId: mine.sessionId }))?.secondFactorAt).toBeNull();
  });
});

describe("managing passkeys", () => {
  it("lists, renames and deletes only the caller's own, with audit rows", async () => {
    const { user, session } = await userWithSession();
    const { passkey, cred } = await register(session);
    const other = await userWithSession();
    await expectAppError(renamePasskey({ userId: other.user.id, passkeyId: passkey.id, name: "mine now", ip: "127.0.0.1" }), "not_found");
    await expectAppError(deletePasskey({ userId: other.user.id, sessionId: other.session.sessionId, passkeyId: passkey.id, ip: "127.0.0.1" }), "not_found");
    await renamePasskey({ userId: user.id, passkeyId: passkey.id, name: "办公室电脑", ip: "127.0.0.1" });
    const listed = await listPasskeys({ userId: user.id });
    expect(listed).toEqual([expect.objectContaining({ id: passkey.id, name: "办公室电脑" })]);
    expect(listed[0]).not.toHaveProperty("publicKey");
    await deletePasskey({ userId: user.id, sessionId: session.sessionId, passkeyId: passkey.id, ip: "127.0.0.1" });
    expect(await listPasskeys({ userId: user.id })).toEqual([]);
    expect(await db.auditLog.count({ where: { targetId: passkey.id, action: { in: ["passkey.rename", "passkey.delete"] } } })).toBe(2);
    // A deleted passkey no longer logs in.
    await expectAppError(loginWithPasskey({ response: await loginAssertion(cred), ip: "127.0.0.1" }), "code_invalid", "passkeys.errors.unknownPasskey");
  });
});
