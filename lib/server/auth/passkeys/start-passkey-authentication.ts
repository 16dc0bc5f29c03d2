import { generateAuthenticationOptions } from "@simplewebauthn/server";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { relyingParty } from "./relying-party";
import { storeChallenge } from "./store-challenge";

/**
 * Options for navigator.credentials.get, user verification required. For a login the browser
 * offers the passkeys it holds for this site (no phone number needed); for a second factor only
 * this user's, and the challenge is bound to the session that asked.
 */
export async function startPasskeyAuthentication(
  input: { purpose: "login"; ip: string } | { purpose: "second-factor"; ip: string; userId: string; sessionId: string },
) {
  const rp = relyingParty();
  // Anyone may ask for a login challenge: a row each, so a cap per address keeps the table small.
  await consumeRateLimit(db, `webauthn-options:${input.ip}`, [{ seconds: 60, max: 60 }]);
  if (input.purpose === "login") {
    const options = await generateAuthenticationOptions({ rpID: rp.rpID, userVerification: "required" });
    await storeChallenge({ challenge: options.challenge, purpose: "LOGIN" });
    return options;
  }
  const passkeys = await db.passkey.findMany({ where: { userId: input.userId }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) throw new AppError("not_found", { userMessage: "passkeys.errors.noPasskey" });
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: "required",
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
  });
  await storeChallenge({ challenge: options.challenge, purpose: "SECOND_FACTOR", userId: input.userId, sessionId: input.sessionId });
  return options;
}
