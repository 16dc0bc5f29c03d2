// 重新申请 on a seal voided by a certificate change (「绑定的证书已变更，请重新申请」, needsReapply): it opens the
// maker of the same kind, on the desk and in the app, and the maker starts on that kind; nothing else gets one.
import { describe, expect, it } from "vitest";
import { makerInitial, sealReapplyHref } from "@/components/seals/seal-reapply";

const voided = { status: "VOIDED", needsReapply: true, orgId: null as string | null, kind: "PERSONAL", source: "GENERATED" };

describe("重新申请 for a voided seal", () => {
  it("an enterprise seal opens that enterprise's maker with the kind chosen (desk and phone)", () => {
    const seal = { ...voided, orgId: "org1", kind: "LEGAL_REP", source: "UPLOAD" };
    expect(sealReapplyHref(seal, { isPhone: false })).toBe("/org/org1/seals?kind=LEGAL_REP#seal-maker");
    expect(sealReapplyHref(seal, { isPhone: true })).toBe("/m/org/org1/seals?kind=LEGAL_REP#seal-maker");
    expect(makerInitial("org", { kind: "LEGAL_REP" })).toBe("LEGAL_REP");
  });

  it("a personal seal opens the personal maker with its source (generated, handwritten)", () => {
    expect(sealReapplyHref(voided, { isPhone: false })).toBe("/seals?source=GENERATED#seal-maker");
    expect(sealReapplyHref({ ...voided, kind: "HANDWRITTEN", source: "HANDWRITTEN" }, { isPhone: true })).toBe("/m/seals/new?source=HANDWRITTEN#seal-maker");
    expect(makerInitial("personal", { source: "HANDWRITTEN" })).toBe("HANDWRITTEN");
  });

  it("no button for a seal voided without a reapply (revoked, replaced) or not voided; the maker ignores a value it does not offer", () => {
    expect(sealReapplyHref({ ...voided, needsReapply: false }, { isPhone: false })).toBeNull();
    expect(sealReapplyHref({ ...voided, status: "APPROVED" }, { isPhone: true })).toBeNull();
    expect(makerInitial("org", { kind: "PERSONAL" })).toBeUndefined();
    expect(makerInitial("personal", { source: ["UPLOAD", "GENERATED"] })).toBeUndefined();
    expect(makerInitial("org", {})).toBeUndefined();
  });
});
