import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { translator } from "@/lib/i18n/translate";
import { AUDIT_ACTIONS, AUDIT_DATA_SCHEMAS, LEGACY_AUDIT_ACTIONS, assertAuditData, resolveAuditAction } from "@/lib/server/audit/audit-actions";
import { auditActionLabelKey } from "@/lib/server/audit/audit-action-label";
import type { writeAudit } from "@/lib/server/audit/write-audit";
import type { Tx } from "@/lib/db/client";

describe("audit actions", () => {
  it("every action is <domain>.<verb> and has a schema and a label in both languages", () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(80);
    for (const locale of ["zh-CN", "en"] as const) {
      const t = translator(locale);
      for (const action of AUDIT_ACTIONS) {
        expect(action).toMatch(/^[a-z][a-z_]*\.[a-z][a-z_]*$/);
        expect(AUDIT_DATA_SCHEMAS[action]).toBeDefined();
        const key = auditActionLabelKey(action);
        expect(key).toBe(`review.audit.actions.${action}`);
        const label = t(key!);
        expect(label, `${locale} label of ${action}`).not.toBe(key);
        expect(label.trim()).not.toBe("");
      }
    }
  });

  it("old names stay readable: each legacy name labels as the action it became", () => {
    const t = translator("en");
    expect(Object.keys(LEGACY_AUDIT_ACTIONS).sort()).toEqual(["auth.password.change", "auth.password.reset", "auth.password.set", "auth.phone.change"]);
    for (const [old, current] of Object.entries(LEGACY_AUDIT_ACTIONS)) {
      expect(AUDIT_ACTIONS).toContain(current);
      expect(AUDIT_ACTIONS).not.toContain(old);
      expect(resolveAuditAction(old)).toBe(current);
      expect(t(auditActionLabelKey(old)!)).toBe(t(auditActionLabelKey(current)!));
    }
    expect(t(auditActionLabelKey("auth.password.reset")!)).toBe("Password reset");
    expect(auditActionLabelKey("test.concurrent")).toBeNull();
  });

  it("a wrong shape or an unknown action throws; a right one passes", () => {
    expect(() => assertAuditData("key.rotated", { group: ["a", "b"] })).not.toThrow();
    expect(() => assertAuditData("key.rotated", { group: "a" })).toThrow(ZodError);
    expect(() => assertAuditData("key.rotated", {})).toThrow(ZodError);
    expect(() => assertAuditData("order.approved", { from: "IN_REVIEW", to: "APPROVED" })).not.toThrow();
    expect(() => assertAuditData("order.approved", { from: "IN_REVIEW" })).toThrow(ZodError);
    expect(() => assertAuditData("key.rotate", { group: [] })).toThrow(/unknown audit action/);
    expect(() => assertAuditData("auth.password.reset", {})).toThrow(/unknown audit action/);
  });

  it("a failed login's data takes a masked number only, never the full one", () => {
    const data = { method: "password", phone: "199****1234", reason: "bad_password", left: 3 };
    expect(() => assertAuditData("auth.login_failed", data)).not.toThrow();
    expect(() => assertAuditData("auth.login_failed", { ...data, phone: "19912341234" })).toThrow(ZodError);
    expect(() => assertAuditData("auth.login_failed", { ...data, reason: "because" })).toThrow(ZodError);
  });
});

// Compile-time checks (tsc type-checks tests; never called): a wrong action or data shape does not compile.
export function typeChecks(tx: Tx, write: typeof writeAudit) {
  void write(tx, { action: "key.rotated", targetType: "KeyShare", targetId: "k", data: { group: ["a"] } });
  // @ts-expect-error unknown action
  void write(tx, { action: "key.rotate", targetType: "KeyShare", targetId: "k", data: { group: ["a"] } });
  // @ts-expect-error wrong data shape
  void write(tx, { action: "key.rotated", targetType: "KeyShare", targetId: "k", data: { group: "a" } });
  // @ts-expect-error data is required for an action with fields
  void write(tx, { action: "key.rotated", targetType: "KeyShare", targetId: "k" });
  // @ts-expect-error an extra key
  void write(tx, { action: "scan.session_end", targetType: "scanSession", targetId: "s", data: { code: "123456" } });
  void write(tx, { action: "scan.session_end", targetType: "scanSession", targetId: "s" });
}
