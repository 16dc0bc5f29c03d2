import { randomBytes, randomInt } from "node:crypto";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { idNumberCheckChar } from "@/lib/validators/id-number";
import { usccCheckChar } from "@/lib/validators/uscc";
import { generatePlatformSecret } from "@/lib/server/platforms/generate-platform-secret";

type RolePhones = { certAdmin: string; sealAdmin: string; member: string; legalRep: string; outsider: string };

/**
 * End-to-end fixture for the org permission matrix (CERTDESK_E2E_FIXTURES=1 only, else NOT_FOUND): an
 * enterprise the caller administers; the accounts of `phones` (they signed in first) as its certificate
 * administrator, seal administrator, member and legal representative (and an outsider, made real-name verified); and what the org actions act on — two
 * more members (one to remove, one to change and authorize), an ACTIVE authorization, a join waiting for the
 * administrator, a join waiting for the legal person, a member's certificate request, a trading platform.
 */
export async function createMatrixFixture({ userId, phones }: { userId: string; phones: RolePhones }) {
  if (env().CERTDESK_E2E_FIXTURES !== "1") throw new AppError("not_found");
  const tag = randomBytes(3).toString("hex").toUpperCase();
  const body = `91110108MA${String(randomInt(0, 1e7)).padStart(7, "0")}`;
  const uscc = body + usccCheckChar(body)!;
  const first17 = `110105197903${String(randomInt(10, 29))}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  const phone = () => `198${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  const verified = { realNameVerifiedAt: new Date() };
  return db.$transaction(async (tx) => {
    const users = await tx.user.findMany({ where: { phone: { in: Object.values(phones) } }, select: { id: true, phone: true } });
    const idOf = (p: string) => {
      const u = users.find((x) => x.phone === p);
      if (!u) throw new AppError("not_found");
      return u.id;
    };
    const code = `e2e-m-${randomBytes(4).toString("hex")}`;
    const { secret: _secret, ...stored } = generatePlatformSecret(code);
    const platform = await tx.tradingPlatform.create({ data: { code, name: `矩阵测试平台 ${tag}`, clientId: `${code}-c`, callbackUrls: [], ...stored } });
    await tx.user.update({ where: { id: userId }, data: { realName: "矩管理", ...verified } });
    // Every caller real-name verified, so a join or a legal-rep check is refused by its own rules, not for that.
    await tx.user.updateMany({ where: { id: { in: users.map((u) => u.id) }, realNameVerifiedAt: null }, data: { realName: "矩角色", ...verified } });
    const org = await tx.organization.create({
      data: { name: `权限矩阵${tag}有限公司`, uscc, legalRepName: "矩法人", legalRepIdType: "RESIDENT_ID", legalRepIdNumber: first17 + idNumberCheckChar(first17), verifiedAt: new Date() },
    });
    await tx.membership.create({ data: { orgId: org.id, userId, role: "ADMIN" } });
    for (const [role, p] of [["CERT_ADMIN", phones.certAdmin], ["SEAL_ADMIN", phones.sealAdmin], ["MEMBER", phones.member], ["LEGAL_REP", phones.legalRep]] as const) {
      await tx.membership.create({ data: { orgId: org.id, userId: idOf(p), role } });
    }
    const removable = await tx.user.create({ data: { phone: phone(), name: "矩移除", realName: "矩移除", ...verified } });
    const colleague = await tx.user.create({ data: { phone: phone(), name: "矩同事", realName: "矩同事", ...verified } });
    await tx.membership.create({ data: { orgId: org.id, userId: removable.id, role: "MEMBER" } });
    const m = await tx.membership.create({ data: { orgId: org.id, userId: colleague.id, role: "MEMBER" } });
    const authorization = await tx.platformAuthorization.create({ data: { orgId: org.id, membershipId: m.id, platformId: platform.id, grantedById: userId } });
    const joiner = () => tx.user.create({ data: { phone: phone(), name: "矩加入", realName: "矩加入", ...verified } });
    const adminStage = await tx.orgRequest.create({ data: { orgId: org.id, kind: "JOIN", status: "PENDING_ADMIN", requesterId: (await joiner()).id, platformIds: [platform.id], years: 1 } });
    const legalStage = await tx.orgRequest.create({ data: { orgId: org.id, kind: "JOIN", status: "PENDING_LEGAL_REP", requesterId: (await joiner()).id, platformIds: [platform.id], years: 1 } });
    const certRequest = await tx.orgRequest.create({ data: { orgId: org.id, kind: "CERT", status: "PENDING_ADMIN", requesterId: colleague.id, platformIds: [platform.id], years: 1 } });
    return {
      orgId: org.id,
      name: org.name,
      uscc,
      platformId: platform.id,
      removableUserId: removable.id,
      removableMembershipId: (await tx.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.id, userId: removable.id } } })).id,
      colleagueUserId: colleague.id,
      colleagueMembershipId: m.id,
      authorizationId: authorization.id,
      adminStageRequestId: adminStage.id,
      legalStageRequestId: legalStage.id,
      certRequestId: certRequest.id,
    };
  });
}
