// The holder reads the letter they sign: the phone's confirmation data carry the desk's own letter in full,
// and nothing of a trading platform's document.
import { describe, expect, it } from "vitest";
import { grantAuthorization } from "@/lib/server/org/grant-authorization";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";
import { createScanRequest } from "@/lib/server/scan/create-scan-request";
import { sm3 } from "@/lib/pki/sm3";
import { bytesToHex } from "@/lib/pki/encoding";
import { addMember, createPlatform, orgWithAdmin } from "./org-support";

/** An administrator holding the enterprise certificate who started an authorization letter for a member. */
async function createGrantLetterFixture() {
  const { org, admin } = await orgWithAdmin();
  const platform = await createPlatform();
  const { user: member } = await addMember(org.id);
  const started = await grantAuthorization({ userId: admin.id, input: { orgId: org.id, userId: member.id, platformIds: [platform.id] } });
  return { admin, member, qrContent: started.qrContent, letterText: started.letterText };
}

describe("the letter on the phone's confirmation screen", () => {
  it("an authorization letter of the desk is shown in full; a platform's document is not", async () => {
    const { admin, qrContent, letterText, member } = await createGrantLetterFixture();
    const opened = await openScanForPhone({ userId: admin.id, token: new URL(qrContent).pathname.split("/").pop()! });
    expect(opened.type).toBe("sign");
    expect(opened.letterText).toBe(letterText);
    expect(opened.letterText).toContain(member.realName!);

    const platform = await createPlatform();
    const doc = new TextEncoder().encode("投标文件内容：不应出现在手机上");
    const req = await createScanRequest({
      platformId: platform.id,
      input: { type: "sign", title: "投标文件", digest: bytesToHex(sm3(doc)), data: Buffer.from(doc).toString("base64"), withSeal: false, expiresIn: 300 } as never,
    });
    const other = await openScanForPhone({ userId: admin.id, token: new URL(req.qrContent).pathname.split("/").pop()! });
    expect(other.letterText).toBeNull();
  });
});
