import type { Tx } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";

const when = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
const nameOf = (u: { name: string | null; realName: string | null }) => u.realName ?? u.name ?? "";

type Letter =
  | { purpose: "APPROVE_REQUEST"; requestId: string }
  | { purpose: "GRANT_AUTHORIZATION"; userId: string; platformIds: string[] }
  | { purpose: "TRANSFER_ADMIN"; requestId: string; toUserId: string };

/**
 * The text of a letter the signer signs on the phone, in Chinese (the language of the record): who, what,
 * for which enterprise and platforms, the signer, the moment. What is signed is exactly this text (its SM3),
 * and the OrgSignature keeps it, so the record shows what the administrator agreed to.
 */
export async function composeOrgLetter(tx: Tx, { orgId, signerId, letter }: { orgId: string; signerId: string; letter: Letter }): Promise<{ title: string; text: string }> {
  const user = (id: string) => tx.user.findUniqueOrThrow({ where: { id }, select: { name: true, realName: true, phone: true } });
  const [org, signer] = await Promise.all([tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true, uscc: true } }), user(signerId)]);
  const platformNames = async (ids: string[]) =>
    (await tx.tradingPlatform.findMany({ where: { id: { in: ids } }, select: { name: true }, orderBy: { name: "asc" } })).map((p) => p.name).join("、");
  const head = `企业：${org.name}（统一社会信用代码 ${org.uscc}）`;
  const foot = `签署人：${nameOf(signer)}（${maskPhone(signer.phone)}）\n签署时间：${when(new Date())}`;
  switch (letter.purpose) {
    case "APPROVE_REQUEST": {
      const request = await tx.orgRequest.findUniqueOrThrow({ where: { id: letter.requestId } });
      const requester = await user(request.requesterId);
      const what = request.kind === "JOIN" ? "加入本企业并申领本企业云证书" : "申领本企业云证书";
      return {
        title: request.kind === "JOIN" ? "加入企业授权书" : "企业证书申领授权书",
        text: [
          request.kind === "JOIN" ? "加入企业授权书" : "企业证书申领授权书",
          head,
          `本企业同意 ${nameOf(requester)}（${maskPhone(requester.phone)}）${what}，有效期 ${request.years ?? 1} 年，并授权其在以下交易平台使用：${await platformNames(request.platformIds)}。`,
          `申请编号：${request.id}`,
          foot,
        ].join("\n"),
      };
    }
    case "GRANT_AUTHORIZATION": {
      const member = await user(letter.userId);
      return {
        title: "企业证书使用授权书",
        text: ["企业证书使用授权书", head, `本企业授权 ${nameOf(member)}（${maskPhone(member.phone)}）在以下交易平台使用本企业云证书：${await platformNames(letter.platformIds)}。`, foot].join("\n"),
      };
    }
    case "TRANSFER_ADMIN": {
      const to = await user(letter.toUserId);
      return {
        title: "管理员转授书",
        text: ["管理员转授书", head, `本人将本企业的管理员身份转授给 ${nameOf(to)}（${maskPhone(to.phone)}），转授后本人为证书管理员。`, `申请编号：${letter.requestId}`, foot].join("\n"),
      };
    }
  }
}
