import { describe, expect, it } from "vitest";
import { daysLeft, dueReminderDays } from "@/lib/server/certs/certificate-reminders";
import { renewBlock } from "@/lib/server/certs/renew-eligibility";

const DAY = 86_400_000;
const notAfter = new Date("2027-06-30T16:00:00Z");
const at = (days: number) => new Date(notAfter.getTime() - days * DAY);

describe("到期提醒 thresholds", () => {
  it("the nearest passed threshold of 90 / 30 / 7 days, none outside the window or after expiry", () => {
    expect(dueReminderDays(notAfter, at(91))).toBeNull();
    expect(dueReminderDays(notAfter, at(90))).toBe(90);
    expect(dueReminderDays(notAfter, at(31))).toBe(90);
    expect(dueReminderDays(notAfter, at(30))).toBe(30);
    expect(dueReminderDays(notAfter, at(8))).toBe(30);
    expect(dueReminderDays(notAfter, at(7))).toBe(7);
    expect(dueReminderDays(notAfter, at(0.5))).toBe(7);
    expect(dueReminderDays(notAfter, at(0))).toBeNull();
    expect(dueReminderDays(notAfter, at(-1))).toBeNull();
    expect(daysLeft(notAfter, at(29.2))).toBe(30);
  });
});

describe("renewBlock", () => {
  const cert = (over: Partial<{ status: string; renewals: Array<{ status: string }> }> = {}) => ({ status: "VALID", notAfter, renewals: [], ...over });
  it("renewable only when valid, within 90 days and not renewed", () => {
    expect(renewBlock(cert(), at(91))).toBe("notYet");
    expect(renewBlock(cert(), at(89))).toBeNull();
    expect(renewBlock(cert(), at(-1))).toBe("expired");
    expect(renewBlock(cert({ status: "EXPIRED" }), at(10))).toBe("expired");
    expect(renewBlock(cert({ status: "REVOKED" }), at(10))).toBe("revoked");
    expect(renewBlock(cert({ renewals: [{ status: "DRAFT" }] }), at(10))).toBe("inProgress");
    expect(renewBlock(cert({ renewals: [{ status: "COMPLETED" }] }), at(10))).toBe("renewed");
    expect(renewBlock(cert({ renewals: [{ status: "CANCELLED" }, { status: "REJECTED" }] }), at(10))).toBeNull();
  });
});
