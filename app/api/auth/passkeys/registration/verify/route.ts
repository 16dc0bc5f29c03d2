import { userRoute } from "@/lib/server/http/user-route";
import { finishPasskeyRegistration } from "@/lib/server/auth/passkeys/finish-passkey-registration";
import { ZFinishRegistrationSchema } from "@/lib/server/auth/passkeys/passkeys.types";

// POST /api/auth/passkeys/registration/verify — verify the attestation and store the passkey
export const POST = userRoute(
  ({ user, input, ip }) => finishPasskeyRegistration({ userId: user.id, sessionId: user.sessionId, response: input.response, name: input.name, ip }),
  { body: ZFinishRegistrationSchema, status: 201 },
);
