import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/server/http/parse-input";
import { consumeRateLimit, releaseHit } from "@/lib/server/security/rate-limit";
import { getAccountRealName } from "./get-account-real-name";
import { matchesVerifiedPerson } from "./matches-verified-person";
import { startIdentityCheck } from "./start-identity-check";
import { ZVerifyAccountRealNameSchema, type VerifyAccountRealNameResult } from "./verify-account-real-name.types";

// One verification at a time per account: parallel submissions (a double click, two tabs) make one
// check row and one outcome. A pass keeps the slot for a minute (a repeat would bill another check
// for nothing); a failure frees it at once so a typo can be corrected and sent again.
const ONE_AT_A_TIME = [{ seconds: 60, max: 1 }];

/**
 * 实名认证 of the account holder: the three-element check (name, ID number, the ACCOUNT's own phone,
 * so the person must be the number's registered owner) through startIdentityCheck, the provider and
 * limits the wizard uses (identity:user:<id>, shared with the wizard's checks). When it passes,
 * startIdentityCheck records the account's real name in the transaction that marks the check PASSED
 * (recordAccountRealName). A verified account is checked again only with the same person: anyone
 * else is refused before any check is billed.
 */
export async function verifyAccountRealName({ userId, input }: { userId: string; input: unknown }): Promise<VerifyAccountRealNameResult> {
  const { name, idType, idNumber } = parseInput(ZVerifyAccountRealNameSchema, input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { phone: true, disabledAt: true, realName: true, idNumberMasked: true, idNumberHash: true, realNameVerifiedAt: true } });
  if (!user || user.disabledAt) throw new AppError("unauthenticated");
  if (!matchesVerifiedPerson(user, { name, idNumber })) throw otherPerson();

  const slot = await consumeRateLimit(db, `identity:real-name:${userId}`, ONE_AT_A_TIME, undefined, {
    refuse: (wait) => new AppError("conflict", { userMessage: "identity.realName.errors.busy", params: { seconds: wait }, retryAfter: wait }),
  });
  let isPassed = false;
  try {
    const check = await startIdentityCheck({ userId, method: "PHONE3", role: "APPLICANT", subject: { name, idType, idNumber, phone: user.phone } });
    const account = await getAccountRealName({ userId });
    if (check.status !== "PASSED") return { status: "FAILED", checkId: check.checkId, failReason: check.failReason, account };
    // Passed, but another person's check on this account (another tab) was recorded first.
    const fresh = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { realName: true, idNumberMasked: true, idNumberHash: true, realNameVerifiedAt: true } });
    if (!fresh.realNameVerifiedAt || !matchesVerifiedPerson(fresh, { name, idNumber })) throw otherPerson();
    isPassed = true;
    return { status: "PASSED", checkId: check.checkId, account };
  } finally {
    if (!isPassed) await releaseHit(db, slot.hitId);
  }
}

// About the person as a whole, not one field: the form shows it above the fields.
const otherPerson = () => new AppError("conflict", { userMessage: "identity.realName.errors.otherPerson" });
