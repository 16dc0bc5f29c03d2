import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { assertRequestablePlatforms } from "./assert-requestable-platforms";
import { ZCreateJoinRequest, type TCreateJoinRequest } from "./org-requests.types";
import { firstStage, notifyStage } from "./request-stage";

/**
 * 加入企业: a real-name-verified user asks to join a registered enterprise and for its certificate on the
 * platforms named. They name the administrator (name + phone), which must match the ACTIVE administrator;
 * a mismatch (or no administrator, or no such enterprise) answers the same error, naming nobody. The request
 * starts with the legal person where the enterprise's channel asks for it, else with the administrator, who
 * is told. One open join per person and enterprise (partial unique index OrgRequest_one_open → CONFLICT).
 */
export async function createJoinRequest({ userId, input }: { userId: string; input: TCreateJoinRequest }) {
  const { uscc, adminName, adminPhone, platformIds, years } = parseInput(ZCreateJoinRequest, input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { realNameVerifiedAt: true } });
  if (!user?.realNameVerifiedAt) throw new AppError("forbidden", { userMessage: "orgRequests.errors.notVerified" });
  const org = await db.organization.findUnique({
    where: { uscc },
    select: { id: true, deletedAt: true, members: { where: { role: "ADMIN", status: "ACTIVE" }, select: { user: { select: { name: true, realName: true, phone: true } } } } },
  });
  const admin = org && !org.deletedAt ? org.members[0]?.user : undefined;
  const namesMatch = admin && [admin.realName, admin.name].some((n) => n?.trim() === adminName) && admin.phone === adminPhone;
  if (!org || !namesMatch) throw new AppError("validation_failed", { userMessage: "orgRequests.errors.adminMismatch", fields: { adminName: ["orgRequests.errors.adminMismatch"] } });
  const orgId = org.id;
  try {
    const request = await db.$transaction(async (tx) => {
      const existing = await tx.membership.findFirst({ where: { orgId, userId, status: "ACTIVE" }, select: { id: true } });
      if (existing) throw new AppError("conflict", { userMessage: "orgRequests.errors.alreadyMember" });
      await assertRequestablePlatforms(tx, platformIds);
      const status = await firstStage(tx, { orgId });
      const row = await tx.orgRequest.create({ data: { orgId, kind: "JOIN", status, requesterId: userId, platformIds, years } });
      await writeAudit(tx, { actorId: userId, action: "org.request_created", targetType: "organization", targetId: orgId, data: { requestId: row.id, kind: "JOIN", platformIds } });
      await notifyStage(tx, { orgId, requestId: row.id, kind: "JOIN", stage: status, requesterId: userId });
      return row;
    });
    wakeWorker();
    return { requestId: request.id, orgId, status: request.status };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", { userMessage: "orgRequests.errors.duplicate", cause: e });
    throw e;
  }
}
