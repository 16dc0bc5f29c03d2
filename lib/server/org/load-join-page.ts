import { db } from "@/lib/db/client";
import { listRequestablePlatforms } from "./list-requestable-platforms";

/** The 加入企业 page: whether the caller passed real-name verification (a join needs it) and the platforms to pick. */
export async function loadJoinPage({ userId }: { userId: string }) {
  const [user, platforms] = await Promise.all([db.user.findUniqueOrThrow({ where: { id: userId }, select: { realNameVerifiedAt: true } }), listRequestablePlatforms()]);
  return { isVerified: user.realNameVerifiedAt !== null, platforms };
}
