import { generateRegistrationOptions } from "@simplewebauthn/server";
import { db } from "@/lib/db/client";
import { maskPhone } from "../session-user";
import { assertMayManageFactors } from "../second-factor/assert-may-manage-factors";
import { relyingParty } from "./relying-party";
import { storeChallenge } from "./store-challenge";

/**
 * Options for navigator.credentials.create: a discoverable credential (so it can log in without a
 * phone number) with user verification, its challenge stored for this session.
 */
export async function startPasskeyRegistration({ userId, sessionId }: { userId: string; sessionId: string }) {
  await assertMayManageFactors({ userId, sessionId });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, phone: true, name: true } });
  const existing = await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.phone,
    // The same user handle every time: registering again on one authenticator replaces its credential.
    userID: new TextEncoder().encode(user.id),
    userDisplayName: user.name ?? maskPhone(user.phone),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await storeChallenge({ challenge: options.challenge, purpose: "REGISTRATION", userId, sessionId });
  return options;
}
