import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { createSession } from "../create-session";
import { verifyPasskeyAssertion } from "./verify-passkey-assertion";
import type { TAuthenticationResponse } from "./passkeys.types";

/** Usernameless login with a discoverable passkey; the session also counts as second-factored. */
export async function loginWithPasskey({ response, ip, userAgent }: { response: TAuthenticationResponse; ip: string; userAgent?: string | null }) {
  const { userId, passkeyId } = await verifyPasskeyAssertion({ response, purpose: "LOGIN", ip });
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, disabledAt: true } });
    if (user.disabledAt) throw new AppError("forbidden", { userMessage: "auth.errors.accountDisabled" });
    const session = await createSession(tx, { userId, method: "passkey", ip, userAgent });
    return { userId, sessionId: session.id, passkeyId };
  });
}
