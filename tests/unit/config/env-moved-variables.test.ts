// The variables that were read raw before lib/env.ts took them: same defaults, same meaning, and
// a bad value now stops the start naming the variable.
import { afterEach, describe, expect, it } from "vitest";
import { envNow, parseEnv } from "@/lib/env";
import { phoneWindows, ipWindows } from "@/lib/server/auth/code-policy";

const saved = { ...process.env };
afterEach(() => {
  for (const k of ["SMS_PHONE_HOURLY_CAP", "SMS_IP_DAILY_CAP"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("lib/env.ts: the moved variables", () => {
  it("keep their defaults", () => {
    const e = parseEnv({});
    expect([e.SMS_PHONE_HOURLY_CAP, e.SMS_PHONE_DAILY_CAP, e.SMS_IP_HOURLY_CAP, e.SMS_IP_DAILY_CAP]).toEqual([5, 10, 30, 100]);
    expect(e.SCAN_PLATFORM_PER_MINUTE).toBe(600);
    expect(e.DB_POOL_MAX).toBe(10);
    expect(e.SUPPORT_PHONE).toBe("400-000-0000");
    expect(e.ICP_RECORD).toBeUndefined();
    expect(e.PDF_FONT_PATH).toBeUndefined();
    expect(e.PRISMA_ENGINE_DEBUG).toBeUndefined();
  });

  it("read a set value, and an empty one as unset", () => {
    const e = parseEnv({ SMS_IP_HOURLY_CAP: "3", SCAN_PLATFORM_PER_MINUTE: "1000000", DB_POOL_MAX: "", ICP_RECORD: "京ICP备00000000号" });
    expect(e.SMS_IP_HOURLY_CAP).toBe(3);
    expect(e.SCAN_PLATFORM_PER_MINUTE).toBe(1_000_000);
    expect(e.DB_POOL_MAX).toBe(10);
    expect(e.ICP_RECORD).toBe("京ICP备00000000号");
  });

  it("refuse a cap that is not a positive whole number, naming it", () => {
    for (const bad of ["0", "-1", "abc", "2.5"]) expect(() => parseEnv({ SMS_PHONE_DAILY_CAP: bad }), bad).toThrow(/SMS_PHONE_DAILY_CAP/);
  });

  it("the SMS caps are read at each use, as before the move", () => {
    process.env.SMS_PHONE_HOURLY_CAP = "7";
    process.env.SMS_IP_DAILY_CAP = "9";
    expect(phoneWindows()[0]!.max).toBe(7);
    expect(ipWindows()[1]!.max).toBe(9);
    process.env.SMS_PHONE_HOURLY_CAP = "8";
    expect(phoneWindows()[0]!.max).toBe(8);
    expect(envNow("SMS_PHONE_HOURLY_CAP")).toBe(8);
    delete process.env.SMS_PHONE_HOURLY_CAP;
    expect(phoneWindows()[0]!.max).toBe(5);
    process.env.SMS_PHONE_HOURLY_CAP = "many";
    expect(() => phoneWindows()).toThrow(/SMS_PHONE_HOURLY_CAP/);
  });
});
