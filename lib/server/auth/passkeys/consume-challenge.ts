import { AppError } from "@/lib/errors";
import type { WebAuthnPurpose } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";

/** The challenge the authenticator signed, read from clientDataJSON (the signature covers its hash). */
export function challengeOf(clientDataJSON: string): string {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    if (typeof data.challenge === "string" && data.challenge.length > 0 && data.challenge.length <= 512) return data.challenge;
  } catch {
    // fall through
  }
  throw new AppError("bad_request", { userMessage: "passkeys.errors.invalidResponse" });
}

/**
 * Takes a stored challenge for one ceremony, once: the conditional update is the claim, so of any
 * number of concurrent answers to one challenge exactly one gets it. A challenge bound to a session
 * is only taken by that session (a stranger cannot burn it).
 */
export async function consumeChallenge({
  clientDataJSON,
  purpose,
  sessionId = null,
}: {
  clientDataJSON: string;
  purpose: WebAuthnPurpose;
  sessionId?: string | null;
}) {
  const challenge = challengeOf(clientDataJSON);
  const row = await db.webAuthnChallenge.findUnique({ where: { challenge } });
  if (!row || row.purpose !== purpose || (row.sessionId !== null && row.sessionId !== sessionId)) {
    throw new AppError("code_invalid", { userMessage: "passkeys.errors.challengeInvalid" });
  }
  const now = new Date();
  const claimed = await db.webAuthnChallenge.updateMany({
    where: { id: row.id, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  if (claimed.count !== 1) throw new AppError("code_expired", { userMessage: "passkeys.errors.challengeExpired" });
  return row;
}
