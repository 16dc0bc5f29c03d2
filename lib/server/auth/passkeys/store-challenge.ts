import type { WebAuthnPurpose } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";

export const CHALLENGE_TTL_SECONDS = 5 * 60;

/** Keeps a ceremony's challenge in the database (any instance may receive the answer): 5 minutes, used once. */
export async function storeChallenge({
  challenge,
  purpose,
  userId = null,
  sessionId = null,
}: {
  challenge: string;
  purpose: WebAuthnPurpose;
  userId?: string | null;
  sessionId?: string | null;
}) {
  const now = Date.now();
  // Expired rows are useless: each new challenge sweeps those past their time by an hour.
  await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: new Date(now - 3600_000) } } });
  await db.webAuthnChallenge.create({
    data: { challenge, purpose, userId, sessionId, expiresAt: new Date(now + CHALLENGE_TTL_SECONDS * 1000) },
  });
}
