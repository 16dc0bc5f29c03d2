import { describe, expect, it } from "vitest";
import { furthestStep, stepAfter, WIZARDS, wizardByUrlKind, wizardPath, wizardSteps } from "@/lib/server/orders/wizard-steps";

const unit = { subjectType: "UNIT" as const, offline: false };
const person = { subjectType: "INDIVIDUAL" as const, offline: false };

describe("the wizard registry", () => {
  it("keeps today's URLs: /apply/unit/… and /apply/individual/…, NEW orders by default", () => {
    expect(wizardPath({ id: "o1", subjectType: "UNIT" }, "method")).toBe("/apply/unit/o1/method");
    expect(wizardPath({ id: "o2", kind: "NEW", subjectType: "INDIVIDUAL" }, "person")).toBe("/apply/individual/o2/person");
  });

  it("has the online and mail-in step sequences of each subject type", () => {
    expect(wizardSteps(unit)).toEqual(["method", "enterprise", "handler", "goods", "confirm", "materials", "sign", "pay"]);
    expect(wizardSteps(person)).toEqual(["method", "person", "goods", "confirm", "materials", "sign", "pay"]);
    expect(wizardSteps({ ...unit, offline: true })).toEqual(["method", "enterprise", "handler", "goods", "confirm", "pay"]);
    expect(wizardSteps({ ...person, offline: true })).toEqual(["method", "person", "goods", "confirm", "pay"]);
  });

  it("resolves a URL's kind segment, and nothing for an unknown one", () => {
    expect(wizardByUrlKind("unit")).toBe(WIZARDS["NEW:UNIT"]);
    expect(wizardByUrlKind("individual")).toBe(WIZARDS["NEW:INDIVIDUAL"]);
    expect(wizardByUrlKind("renew")).toBeNull();
    expect(wizardByUrlKind("")).toBeNull();
  });

  it("has a wizard for each kind built so far; a kind without one (reissue: finished on the phone) has no wizard URL", () => {
    expect(Object.keys(WIZARDS)).toEqual(expect.arrayContaining(["NEW:INDIVIDUAL", "NEW:UNIT", "REVOKE:UNIT", "REVOKE:INDIVIDUAL", "CHANGE:UNIT", "CHANGE:INDIVIDUAL"]));
    expect(() => wizardPath({ id: "o3", kind: "REISSUE", subjectType: "UNIT" }, "method")).toThrow(/no wizard/);
  });

  it("information change: change-info → the subject check → materials → change-confirm → pay (reviewed before payment), under /apply/change-*", () => {
    expect(wizardSteps({ kind: "CHANGE", ...unit })).toEqual(["change-info", "enterprise", "materials", "change-confirm", "pay"]);
    expect(wizardSteps({ kind: "CHANGE", ...person })).toEqual(["change-info", "person", "materials", "change-confirm", "pay"]);
    expect(stepAfter({ kind: "CHANGE", ...unit }, "materials")).toBe("change-confirm");
    expect(wizardPath({ id: "o5", kind: "CHANGE", subjectType: "UNIT" }, "change-info")).toBe("/apply/change-unit/o5/change-info");
    expect(wizardByUrlKind("change-individual")).toBe(WIZARDS["CHANGE:INDIVIDUAL"]);
  });

  it("revocation: unit enterprise → handler → ID photos → revoke, personal person → ID photos → revoke, under /apply/revoke-*", () => {
    expect(wizardSteps({ kind: "REVOKE", ...unit })).toEqual(["enterprise", "handler", "materials", "revoke"]);
    expect(wizardSteps({ kind: "REVOKE", ...person })).toEqual(["person", "materials", "revoke"]);
    expect(stepAfter({ kind: "REVOKE", ...person }, "materials")).toBe("revoke");
    expect(wizardPath({ id: "o4", kind: "REVOKE", subjectType: "INDIVIDUAL" }, "person")).toBe("/apply/revoke-individual/o4/person");
    expect(wizardByUrlKind("revoke-unit")).toBe(WIZARDS["REVOKE:UNIT"]);
  });

  it("moves the resume point forward only; the mail-in path skips uploads and the signature", () => {
    expect(stepAfter(unit, "confirm")).toBe("materials");
    expect(stepAfter({ ...unit, offline: true }, "confirm")).toBe("pay");
    expect(stepAfter(person, "pay")).toBe("pay");
    expect(furthestStep(unit, "goods", "handler")).toBe("goods");
    expect(furthestStep(unit, "method", "enterprise")).toBe("enterprise");
  });
});
