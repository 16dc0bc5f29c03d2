import { verifyRegistrationResponse, type RegistrationResponseJSON } from "@simplewebauthn/server";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertMayManageFactors } from "../second-factor/assert-may-manage-factors";
import { markSecondFactor } from "../second-factor/mark-second-factor";
import { consumeChallenge } from "./consume-challenge";
import { relyingParty } from "./relying-party";
import type { TRegistrationResponse } from "./passkeys.types";

/**
 * Verifies the authenticator's attestation ("none": we trust the key, not the maker) against the
 * challenge this session asked for, stores the credential, and — the holder just proved the
 * authenticator with user verification — marks the session as having passed its second factor.
 */
export async function finishPasskeyRegistration({
  userId,
  sessionId,
  response,
  name,
  ip,
}: {
  userId: string;
  sessionId: string;
  response: TRegistrationResponse;
  name?: string;
  ip: string;
}) {
  const challenge = await consumeChallenge({ clientDataJSON: response.response.clientDataJSON, purpose: "REGISTRATION", sessionId });
  if (challenge.userId !== userId) throw new AppError("code_invalid", { userMessage: "passkeys.errors.challengeInvalid" });
  await assertMayManageFactors({ userId, sessionId });
  const rp = relyingParty();
  const verification = await verifyRegistrationResponse({
    response: response as RegistrationResponseJSON,
    expectedChallenge: challenge.challenge,
    expectedOrigin: rp.origins,
    expectedRPID: rp.rpID,
    requireUserVerification: true,
  }).catch(() => ({ verified: false as const }));
  if (!verification.verified) throw new AppError("code_invalid", { userMessage: "passkeys.errors.registrationFailed" });
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  try {
    return await db.$transaction(async (tx) => {
      const count = await tx.passkey.count({ where: { userId } });
      const passkey = await tx.passkey.create({
        data: {
          userId,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey),
          counter: BigInt(credential.counter),
          transports: credential.transports ?? response.response.transports ?? [],
          deviceType: credentialDeviceType,
          backedUp: credentialBackedUp,
          name: name ?? `通行密钥 ${count + 1}`,
        },
        select: { id: true, name: true, createdAt: true },
      });
      await writeAudit(tx, {
        actorId: userId,
        action: "passkey.register",
        targetType: "passkey",
        targetId: passkey.id,
        data: { deviceType: credentialDeviceType, backedUp: credentialBackedUp },
        ip,
      });
      const session = await tx.session.findUnique({ where: { id: sessionId }, select: { secondFactorAt: true } });
      if (!session?.secondFactorAt) await markSecondFactor(tx, { userId, sessionId, method: "passkey", ip, data: { enrolled: true, passkeyId: passkey.id } });
      return passkey;
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      throw new AppError("conflict", { userMessage: "passkeys.errors.alreadyRegistered" });
    }
    throw err;
  }
}
