import { randomBytes, randomInt } from "node:crypto";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { idNumberCheckChar } from "@/lib/validators/id-number";
import { usccCheckChar } from "@/lib/validators/uscc";
import { generatePlatformSecret } from "@/lib/server/platforms/generate-platform-secret";

/**
 * End-to-end fixture (CERTDESK_E2E_FIXTURES=1 only, else NOT_FOUND): an enterprise the caller (made
 * real-name verified) administers, a colleague authorized on one trading platform, a colleague's pending
 * certificate request and an outsider's pending join request, for the requests, authorizations and transfer
 * pages. The whole join with a phone signature is covered by the integration tests.
 */
export async function createRequestsFixture({ userId }: { userId: string }) {
  if (env().CERTDESK_E2E_FIXTURES !== "1") throw new AppError("not_found");
  const tag = randomBytes(3).toString("hex").toUpperCase();
  const body = `91110108MA${String(randomInt(0, 1e7)).padStart(7, "0")}`;
  const uscc = body + usccCheckChar(body)!;
  const first17 = `110105198807${String(randomInt(10, 29))}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  const phone = () => `199${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  return db.$transaction(async (tx) => {
    const platforms = [];
    for (const name of ["e2e 公共资源交易平台", "e2e 政府采购平台"]) {
      const code = `e2e-${randomBytes(4).toString("hex")}`;
      const { secret: _s, ...stored } = generatePlatformSecret(code);
      platforms.push(await tx.tradingPlatform.create({ data: { code, name: `${name} ${tag}`, clientId: `${code}-c`, callbackUrls: [], ...stored } }));
    }
    await tx.user.update({ where: { id: userId }, data: { realName: "王管理", realNameVerifiedAt: new Date() } });
    const org = await tx.organization.create({
      data: { name: `请求测试${tag}科技有限公司`, uscc, legalRepName: "王法人", legalRepIdType: "RESIDENT_ID", legalRepIdNumber: first17 + idNumberCheckChar(first17), verifiedAt: new Date() },
    });
    const colleague = await tx.user.create({ data: { phone: phone(), name: "李同事", realName: "李同事", realNameVerifiedAt: new Date() } });
    const joiner = await tx.user.create({ data: { phone: phone(), name: "赵加入", realName: "赵加入", realNameVerifiedAt: new Date() } });
    await tx.membership.create({ data: { orgId: org.id, userId, role: "ADMIN" } });
    const m = await tx.membership.create({ data: { orgId: org.id, userId: colleague.id, role: "MEMBER" } });
    await tx.platformAuthorization.create({ data: { orgId: org.id, membershipId: m.id, platformId: platforms[0]!.id, grantedById: userId } });
    const join = await tx.orgRequest.create({ data: { orgId: org.id, kind: "JOIN", status: "PENDING_ADMIN", requesterId: joiner.id, platformIds: platforms.map((p) => p.id), years: 1 } });
    const cert = await tx.orgRequest.create({ data: { orgId: org.id, kind: "CERT", status: "PENDING_ADMIN", requesterId: colleague.id, platformIds: [platforms[1]!.id], years: 2 } });
    return { orgId: org.id, name: org.name, uscc, joinRequestId: join.id, certRequestId: cert.id, colleagueId: colleague.id, platformIds: platforms.map((p) => p.id) };
  });
}
