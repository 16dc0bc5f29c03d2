import { describe, expect, it } from "vitest";
import { stepAfter, stepBefore, wizardSteps } from "@/lib/server/orders/wizard-steps";

// The RENEW wizards (docs/lifecycle.md): the individual's own real-name check, the unit's handler check, and
// the materials step only for a renewal whose channel asked for materials when it was opened (draft.renewReview).
describe("renewal wizard steps", () => {
  const individual = { kind: "RENEW" as const, subjectType: "INDIVIDUAL" as const, offline: false };
  const unit = { kind: "RENEW" as const, subjectType: "UNIT" as const, offline: false };

  it("individual: the person check after the certificate's information; unit: the handler check", () => {
    expect(wizardSteps({ ...individual, draft: {} })).toEqual(["renew-info", "person", "goods", "confirm", "sign", "pay"]);
    expect(wizardSteps({ ...unit, draft: {} })).toEqual(["renew-info", "handler", "goods", "confirm", "sign", "pay"]);
  });

  it("materials only where the renewal asks for the CA review; confirm leads there, then the signature", () => {
    const reviewed = { ...individual, id: "o1", draft: { renewReview: true } };
    expect(wizardSteps(reviewed)).toEqual(["renew-info", "person", "goods", "confirm", "materials", "sign", "pay"]);
    expect(wizardSteps({ ...unit, draft: { renewReview: true } })).toContain("materials");
    expect(stepAfter(reviewed, "confirm")).toBe("materials");
    expect(stepAfter({ ...individual, draft: {} }, "confirm")).toBe("sign");
    // A new application always has its materials step, whatever its draft holds.
    expect(wizardSteps({ kind: "NEW", subjectType: "INDIVIDUAL", offline: false, draft: {} })).toContain("materials");
  });

  it("上一步 follows the order's own wizard", () => {
    expect(stepBefore({ ...unit, draft: {} }, "handler")).toBe("renew-info");
    expect(stepBefore({ ...individual, draft: {} }, "goods")).toBe("person");
    expect(stepBefore({ ...individual, draft: {} }, "sign")).toBe("confirm");
    expect(stepBefore({ ...individual, draft: { renewReview: true } }, "sign")).toBe("materials");
    expect(stepBefore({ kind: "REVOKE", subjectType: "UNIT", offline: false }, "enterprise")).toBe("enterprise");
  });
});
