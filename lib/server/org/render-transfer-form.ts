import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { createPdfDocument } from "@/lib/pdf/create-document";
import { maskPhone } from "@/lib/server/auth/session-user";
import { requireMember } from "./require-member";

/**
 * The 转授管理员 form to print, stamp with the official seal, have the legal representative sign, photograph
 * and upload: pre-filled with the enterprise, the current administrator and (when chosen) the new one.
 */
export async function renderTransferForm({ userId, orgId, toUserId }: { userId: string; orgId: string; toUserId?: string | null }) {
  await requireMember({ userId, orgId, permission: "org.transferAdmin" });
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true, uscc: true, legalRepName: true } });
  const person = async (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { name: true, realName: true, phone: true } });
  const from = await person(userId);
  const target = toUserId ? await db.membership.findFirst({ where: { orgId, userId: toUserId, status: "ACTIVE" }, select: { userId: true } }) : null;
  if (toUserId && !target) throw new AppError("not_found");
  const to = target ? await person(target.userId) : null;
  const line = (u: { name: string | null; realName: string | null; phone: string } | null) => (u ? `${u.realName ?? u.name ?? ""}（${maskPhone(u.phone)}）` : "________________（手机 ____________）");
  const bytes = await createPdfDocument({
    title: "CertDesk 企业管理员转授申请表",
    sections: [
      { heading: "企业信息", lines: [`企业名称：${org.name}`, `统一社会信用代码：${org.uscc}`, `法定代表人：${org.legalRepName}`] },
      { heading: "转授内容", lines: [`现管理员：${line(from)}`, `新管理员：${line(to)}`, "本企业申请将 CertDesk 企业管理员身份由现管理员转授给新管理员。转授经 CA 审核通过后生效，现管理员改为证书管理员。"] },
      { heading: "签章", lines: ["企业公章：", "法定代表人签字：", "日期：        年    月    日"] },
    ],
  });
  return { bytes, filename: `transfer-admin-${org.uscc}.pdf` };
}
