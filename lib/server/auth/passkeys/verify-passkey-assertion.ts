import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { auditSecondFactorFailure } from "../second-factor/audit-second-factor-failure";
import { consumeChallenge } from "./consume-challenge";
import { relyingParty } from "./relying-party";
import type { TAuthenticationResponse } from "./passkeys.types";

/**
 * Checks an assertion: its challenge is taken once (concurrent copies: one wins), the credential
 * is known (and the expected user's, for a second factor), the signature verifies with user
 * verification, and the signature counter moves forward. The counter is updated by
 * compare-and-set, so two assertions cannot both pass on the same stored counter.
 */
export async function verifyPasskeyAssertion({
  response,
  purpose,
  sessionId = null,
  ip,
}: {
  response: TAuthenticationResponse;
  purpose: "LOGIN" | "SECOND_FACTOR";
  sessionId?: string | null;
  ip: string;
}) {
  const challenge = await consumeChallenge({ clientDataJSON: response.response.clientDataJSON, purpose, sessionId });
  const passkey = await db.passkey.findUnique({ where: { credentialId: response.id } });
  if (!passkey) throw new AppError("code_invalid", { userMessage: "passkeys.errors.unknownPasskey" });
  const fail = async (reason: string): Promise<never> => {
    await auditSecondFactorFailure({ userId: passkey.userId, method: "passkey", reason, ip, sessionId });
    throw new AppError("code_invalid", { userMessage: "passkeys.errors.assertionFailed" });
  };
  if (challenge.userId !== null && challenge.userId !== passkey.userId) return fail("other_user");
  // A discoverable credential names its user: it must be the passkey's owner.
  const handle = response.response.userHandle;
  if (handle && Buffer.from(handle, "base64url").toString("utf8") !== passkey.userId) return fail("user_handle");

  const rp = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response: response as AuthenticationResponseJSON,
    expectedChallenge: challenge.challenge,
    expectedOrigin: rp.origins,
    expectedRPID: rp.rpID,
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports },
    requireUserVerification: true,
  }).catch((err: unknown) => {
    // The library throws for a counter that did not move forward (a cloned authenticator or a replay).
    return { verified: false as const, reason: /counter/i.test(String((err as Error)?.message)) ? "counter" : "signature" };
  });
  if (!verification.verified) return fail("reason" in verification ? verification.reason : "signature");

  const info = verification.authenticationInfo;
  const swapped = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(info.newCounter), lastUsedAt: new Date(), backedUp: info.credentialBackedUp, deviceType: info.credentialDeviceType },
  });
  if (swapped.count !== 1) return fail("counter");
  return { passkeyId: passkey.id, userId: passkey.userId };
}
