import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/server/http/parse-input";
import { assertRequestablePlatforms } from "./assert-requestable-platforms";
import { composeOrgLetter } from "./compose-org-letter";
import { ZGrantAuthorization, type TGrantAuthorization } from "./org-requests.types";
import { requireMember } from "./require-member";
import { startOrgSignature } from "./start-org-signature";

/**
 * 授权管理 → grant: authorizations.manage; the member (ACTIVE) may use the enterprise certificate on these
 * platforms once the caller signs the authorization letter on the phone (purpose GRANT_AUTHORIZATION; the rows
 * are created when it is applied, an existing ACTIVE one kept). Returns the letter's QR.
 */
export async function grantAuthorization({ userId, input }: { userId: string; input: TGrantAuthorization }) {
  const { orgId, userId: memberId, platformIds } = parseInput(ZGrantAuthorization, input);
  return db.$transaction(async (tx) => {
    await requireMember({ userId, orgId, permission: "authorizations.manage" }, tx);
    const member = await tx.membership.findFirst({ where: { orgId, userId: memberId, status: "ACTIVE" }, select: { id: true } });
    if (!member) throw new AppError("not_found", { userMessage: "orgRequests.errors.targetNotMember" });
    await assertRequestablePlatforms(tx, platformIds);
    const letter = await composeOrgLetter(tx, { orgId, signerId: userId, letter: { purpose: "GRANT_AUTHORIZATION", userId: memberId, platformIds } });
    const started = await startOrgSignature({ orgId, signerId: userId, purpose: "GRANT_AUTHORIZATION", params: { userId: memberId, platformIds }, letterText: letter.text, title: letter.title }, tx);
    return { ...started, letterText: letter.text };
  });
}
