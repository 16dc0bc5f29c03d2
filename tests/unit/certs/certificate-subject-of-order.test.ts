import { describe, expect, it } from "vitest";
import { certificateSubjectOfOrder } from "@/lib/server/certs/certificate-subject-of-order";
import { isAppError } from "@/lib/errors";

const draftEnterprise = { enterprise: { name: "草稿里的名称有限公司", uscc: "91350100M000100Y43" } };

describe("certificateSubjectOfOrder", () => {
  it("certifies a unit as its Organization is registered, not as the wizard's draft held it", () => {
    const subject = certificateSubjectOfOrder({
      subjectType: "UNIT",
      subjectKey: "91350100M000100Y43",
      subjectName: "草稿里的名称有限公司",
      draft: draftEnterprise,
      org: { name: "变更后的名称有限公司", uscc: "91350100M000100Y43", deletedAt: null },
    });
    expect(subject).toEqual({ type: "UNIT", orgName: "变更后的名称有限公司", uscc: "91350100M000100Y43" });
  });

  it("a member's order (no draft) takes the enterprise from the Organization", () => {
    const subject = certificateSubjectOfOrder({ subjectType: "UNIT", subjectKey: null, subjectName: null, draft: {}, org: { name: "成员企业有限公司", uscc: "91110108MA0000000X", deletedAt: null } });
    expect(subject).toEqual({ type: "UNIT", orgName: "成员企业有限公司", uscc: "91110108MA0000000X" });
  });

  it("an order from before the Organization existed still reads its draft", () => {
    expect(certificateSubjectOfOrder({ subjectType: "UNIT", subjectKey: null, subjectName: null, draft: draftEnterprise, org: null })).toEqual({
      type: "UNIT",
      orgName: "草稿里的名称有限公司",
      uscc: "91350100M000100Y43",
    });
  });

  it("refuses a deleted enterprise: no certificate is issued for it", () => {
    let err: unknown;
    try {
      certificateSubjectOfOrder({ subjectType: "UNIT", subjectKey: "x", subjectName: "x", draft: draftEnterprise, org: { name: "已注销有限公司", uscc: "x", deletedAt: new Date() } });
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code).toBe("conflict");
  });
});
