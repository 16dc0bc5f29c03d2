import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { translator } from "@/lib/i18n/translate";
import { parseInput } from "@/lib/server/http/parse-input";
import { maskIdNumber } from "@/lib/validators/mask";
import { ensureMembership } from "./ensure-membership";
import { ZAddMember } from "./org-members.types";
import { requireMember } from "./require-member";

/**
 * 添加成员 (members.manage): the person must already have an account with that phone whose name matches
 * (the real name when verified, else the account name; the ID number against the masked one on record when
 * there is one). Otherwise one answer, orgMembers.errors.noSuchPerson, whichever part did not match (the
 * form does not tell an outsider which phones have accounts). An ACTIVE member → CONFLICT. The membership
 * (MEMBER, or a removed one back), its audit row (org.member_added via "admin") and an inbox message to the
 * person are written in one transaction, under the organization row's lock (parallel additions: one success).
 */
export async function addMember({ userId, orgId, input }: { userId: string; orgId: string; input: unknown }) {
  const { name, idNumber, phone } = parseInput(ZAddMember, input);
  return db.$transaction(async (tx) => {
    await requireMember({ userId, orgId, permission: "members.manage" }, tx);
    // Additions (and joins) of one organization one after another: the membership check and the insert cannot interleave.
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${orgId} FOR NO KEY UPDATE`;
    const person = await tx.user.findUnique({ where: { phone }, select: { id: true, name: true, realName: true, idNumberMasked: true, disabledAt: true, locale: true } });
    const nameOnRecord = person?.realName ?? person?.name ?? "";
    const idMatches = !person?.idNumberMasked || person.idNumberMasked === maskIdNumber(idNumber);
    if (!person || person.disabledAt || nameOnRecord.trim() !== name || !idMatches) {
      throw new AppError("validation_failed", { userMessage: "orgMembers.errors.noSuchPerson", fields: { phone: ["orgMembers.errors.noSuchPerson"] } });
    }
    const { membership, created } = await ensureMembership(tx, { orgId, userId: person.id, role: "MEMBER", actorId: userId, via: "admin" });
    if (!created) throw new AppError("conflict", { userMessage: "orgMembers.errors.alreadyMember" });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } });
    const t = translator(person.locale === "en" ? "en" : "zh-CN");
    await tx.inboxMessage.create({
      data: { userId: person.id, title: t("orgMembers.inbox.addedTitle", { org: org.name }), body: t("orgMembers.inbox.addedBody", { org: org.name }), link: `/m/org/${orgId}` },
    });
    return { memberId: membership.id, userId: person.id };
  });
}
