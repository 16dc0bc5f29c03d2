import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { lookupTokenHash } from "./create-lookup-grant";

/** The live grant behind a lookup cookie's token; NOT_FOUND when missing, foreign or expired. */
export async function getLookupGrant({ token, now = new Date() }: { token: string | null | undefined; now?: Date }) {
  if (!token) throw new AppError("not_found", { userMessage: "lifecycleLookup.errors.grantExpired" });
  const grant = await db.lookupGrant.findUnique({ where: { tokenHash: lookupTokenHash(token) } });
  if (!grant || grant.expiresAt <= now) throw new AppError("not_found", { userMessage: "lifecycleLookup.errors.grantExpired" });
  return grant;
}
