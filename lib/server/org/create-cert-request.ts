import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { assertRequestablePlatforms } from "./assert-requestable-platforms";
import { createMemberOrder } from "./create-member-order";
import { ZCreateCertRequest, type TCreateCertRequest } from "./org-requests.types";
import { firstStage, notifyStage } from "./request-stage";
import { requireMember } from "./require-member";

/**
 * A member asks for the enterprise certificate for themselves. An authorized member (an ACTIVE platform
 * authorization) buys directly (待申领的证书): the request is APPROVED at once with its order, which skips
 * the CA review once paid. Anyone else goes through the stages (legal person where required → an
 * administrator or certificate administrator signs → order → CA review). One open request per member; one
 * unfinished direct order per member (the membership row is locked, so parallel purchases make one).
 */
export async function createCertRequest({ userId, input }: { userId: string; input: TCreateCertRequest }) {
  const { orgId, platformIds, years } = parseInput(ZCreateCertRequest, input);
  try {
    const result = await db.$transaction(async (tx) => {
      const membership = await requireMember({ userId, orgId, permission: "certs.request" }, tx);
      await tx.$queryRaw`SELECT "id" FROM "Membership" WHERE "id" = ${membership.id} FOR UPDATE`;
      await assertRequestablePlatforms(tx, platformIds);
      const isAuthorized = (await tx.platformAuthorization.count({ where: { membershipId: membership.id, status: "ACTIVE" } })) > 0;
      const approved = await tx.orgRequest.findMany({ where: { orgId, requesterId: userId, kind: "CERT", status: "APPROVED", orderId: { not: null } }, select: { orderId: true } });
      const unfinished = await tx.order.count({ where: { id: { in: approved.map((r) => r.orderId!) }, status: { notIn: ["COMPLETED", "CANCELLED", "REJECTED"] } } });
      if (unfinished > 0) throw new AppError("conflict", { userMessage: "orgRequests.errors.duplicate" });
      const status = isAuthorized ? "APPROVED" : await firstStage(tx, { orgId });
      const row = await tx.orgRequest.create({ data: { orgId, kind: "CERT", status, requesterId: userId, platformIds, years, ...(isAuthorized ? { decidedAt: new Date() } : {}) } });
      await writeAudit(tx, { actorId: userId, action: "org.request_created", targetType: "organization", targetId: orgId, data: { requestId: row.id, kind: "CERT", platformIds } });
      if (status === "APPROVED") {
        const order = await createMemberOrder(tx, { requestId: row.id, orgId, userId, years, actorId: userId, isAuthorizedMember: true });
        return { requestId: row.id, status, orderId: order.id };
      }
      await notifyStage(tx, { orgId, requestId: row.id, kind: "CERT", stage: status, requesterId: userId });
      return { requestId: row.id, status, orderId: null };
    });
    wakeWorker();
    return result;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", { userMessage: "orgRequests.errors.duplicate", cause: e });
    throw e;
  }
}
