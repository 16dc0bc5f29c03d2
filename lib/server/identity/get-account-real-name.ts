import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import type { AccountRealName } from "./verify-account-real-name.types";

/** The account's 实名认证 status for its holder's desk and phone pages. */
export async function getAccountRealName({ userId }: { userId: string }): Promise<AccountRealName> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { realName: true, idNumberMasked: true, realNameVerifiedAt: true } });
  if (!user) throw new AppError("unauthenticated");
  const isVerified = user.realNameVerifiedAt !== null;
  return {
    isVerified,
    realName: isVerified ? user.realName : null,
    idNumberMasked: isVerified ? user.idNumberMasked : null,
    verifiedAt: user.realNameVerifiedAt?.toISOString() ?? null,
  };
}
