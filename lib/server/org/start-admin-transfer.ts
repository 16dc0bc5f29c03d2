import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { assertTransferTarget } from "./assert-transfer-target";
import { composeOrgLetter } from "./compose-org-letter";
import { ZStartAdminTransfer, type TStartAdminTransfer } from "./org-requests.types";
import { startOrgSignature } from "./start-org-signature";

/**
 * 转授管理员 with a certificate: the administrator names an ACTIVE member and signs the transfer letter on the
 * phone (purpose TRANSFER_ADMIN). The OrgRequest waits in PENDING_ADMIN for that signature; when it is applied
 * the roles swap (swapPrimaryAdmin via "certificate") and the request is APPROVED. Starting again (a QR that
 * expired) reuses the open request for the same member, or cancels it for another one. A transfer already
 * with the CA on paper: CONFLICT.
 */
export async function startAdminTransfer({ userId, input }: { userId: string; input: TStartAdminTransfer }) {
  const { orgId, toUserId } = parseInput(ZStartAdminTransfer, input);
  try {
    return await db.$transaction(async (tx) => {
      await assertTransferTarget(tx, { userId, orgId, toUserId });
      const open = await tx.orgRequest.findFirst({ where: { orgId, requesterId: userId, kind: "TRANSFER_ADMIN", status: { in: ["PENDING_ADMIN", "PENDING_CA"] } } });
      if (open?.status === "PENDING_CA") throw new AppError("conflict", { userMessage: "orgRequests.errors.duplicate" });
      let request = open?.targetUserId === toUserId ? open : null;
      if (open && !request) {
        await tx.orgRequest.update({ where: { id: open.id }, data: { status: "CANCELLED", decidedAt: new Date() } });
        await writeAudit(tx, { actorId: userId, action: "org.request_cancelled", targetType: "organization", targetId: orgId, data: { requestId: open.id, kind: "TRANSFER_ADMIN" } });
      }
      if (!request) {
        request = await tx.orgRequest.create({ data: { orgId, kind: "TRANSFER_ADMIN", status: "PENDING_ADMIN", requesterId: userId, targetUserId: toUserId } });
        await writeAudit(tx, { actorId: userId, action: "org.request_created", targetType: "organization", targetId: orgId, data: { requestId: request.id, kind: "TRANSFER_ADMIN", platformIds: [] } });
      }
      const letter = await composeOrgLetter(tx, { orgId, signerId: userId, letter: { purpose: "TRANSFER_ADMIN", requestId: request.id, toUserId } });
      const started = await startOrgSignature({ orgId, signerId: userId, purpose: "TRANSFER_ADMIN", params: { requestId: request.id, toUserId }, letterText: letter.text, title: letter.title }, tx);
      return { requestId: request.id, ...started, letterText: letter.text };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", { userMessage: "orgRequests.errors.duplicate", cause: e });
    throw e;
  }
}
