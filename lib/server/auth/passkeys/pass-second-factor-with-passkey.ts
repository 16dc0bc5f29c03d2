import { db } from "@/lib/db/client";
import { markSecondFactor } from "../second-factor/mark-second-factor";
import { verifyPasskeyAssertion } from "./verify-passkey-assertion";
import type { TAuthenticationResponse } from "./passkeys.types";

/** The second factor after an SMS or password login: an assertion by one of this user's passkeys. */
export async function passSecondFactorWithPasskey({
  userId,
  sessionId,
  response,
  ip,
}: {
  userId: string;
  sessionId: string;
  response: TAuthenticationResponse;
  ip: string;
}) {
  const { passkeyId } = await verifyPasskeyAssertion({ response, purpose: "SECOND_FACTOR", sessionId, ip });
  await db.$transaction((tx) => markSecondFactor(tx, { userId, sessionId, method: "passkey", ip, data: { passkeyId } }));
  return { ok: true as const };
}
