import { db } from "@/lib/db/client";

/** The e-mail the account last gave in a wizard (the person and handler steps remember it), or null. */
export async function findAccountEmail({ userId }: { userId: string }): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? null;
}
