import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { changePhone } from "@/lib/server/auth/change-phone";
import { requestCode } from "@/lib/server/auth/request-code";
import { loginWithPassword } from "@/lib/server/auth/login-with-password";
import { loadSessionUser } from "@/lib/server/auth/load-session-user";
import { createUser, uniqueIp, uniquePhone } from "../support/factories";
import { latestSmsCode } from "../support/outbox";
import { expectAppError } from "../support/expect-app-error";

async function signedIn() {
  const user = await createUser({ password: "pass1234" });
  const ip = uniqueIp();
  const { sessionId } = await loginWithPassword({ phone: user.phone, password: "pass1234", ip });
  const session = (await loadSessionUser({ sessionId }))!;
  return { user, session, ip };
}

describe("change phone number", () => {
  it("needs a code from the old number and one from the new number", async () => {
    const { user, session, ip } = await signedIn();
    const newPhone = uniquePhone();
    await requestCode({ phone: user.phone, purpose: "CHANGE_PHONE_OLD", user: session, ip, locale: "zh-CN" });
    const oldCode = await latestSmsCode(user.phone);
    await requestCode({ phone: newPhone, purpose: "CHANGE_PHONE_NEW", user: session, ip, locale: "zh-CN" });
    const newCode = await latestSmsCode(newPhone);

    await expectAppError(changePhone({ userId: user.id, sessionId: session.sessionId, oldCode: newCode, newPhone, newCode, ip }), "code_invalid");
    await changePhone({ userId: user.id, sessionId: session.sessionId, oldCode, newPhone, newCode, ip });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).phone).toBe(newPhone);
    expect((await loginWithPassword({ phone: newPhone, password: "pass1234", ip })).userId).toBe(user.id);
  });

  it("refuses to send an old-number code anywhere but the account's number, or without a session", async () => {
    const { session, ip } = await signedIn();
    await expectAppError(requestCode({ phone: uniquePhone(), purpose: "CHANGE_PHONE_OLD", user: session, ip, locale: "zh-CN" }), "validation_failed");
    await expectAppError(requestCode({ phone: uniquePhone(), purpose: "CHANGE_PHONE_NEW", user: null, ip, locale: "zh-CN" }), "unauthenticated");
  });

  it("refuses a number that belongs to another account", async () => {
    const { user, session, ip } = await signedIn();
    const other = await createUser();
    await requestCode({ phone: user.phone, purpose: "CHANGE_PHONE_OLD", user: session, ip, locale: "zh-CN" });
    const oldCode = await latestSmsCode(user.phone);
    await requestCode({ phone: other.phone, purpose: "CHANGE_PHONE_NEW", user: session, ip, locale: "zh-CN" });
    const newCode = await latestSmsCode(other.phone);
    await expectAppError(changePhone({ userId: user.id, sessionId: session.sessionId, oldCode, newPhone: other.phone, newCode, ip }), "conflict", "auth.errors.phoneTaken");
  });
});
