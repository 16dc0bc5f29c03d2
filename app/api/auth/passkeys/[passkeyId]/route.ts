import { userRoute } from "@/lib/server/http/user-route";
import { renamePasskey } from "@/lib/server/auth/passkeys/rename-passkey";
import { deletePasskey } from "@/lib/server/auth/passkeys/delete-passkey";
import { ZRenamePasskeySchema } from "@/lib/server/auth/passkeys/passkeys.types";

type P = { passkeyId: string };

// PATCH /api/auth/passkeys/:passkeyId — rename one of my passkeys
export const PATCH = userRoute<typeof ZRenamePasskeySchema, undefined, P>(
  ({ user, input, params, ip }) => renamePasskey({ userId: user.id, passkeyId: params.passkeyId, name: input.name, ip }),
  { body: ZRenamePasskeySchema },
);

// DELETE /api/auth/passkeys/:passkeyId — remove one of my passkeys
export const DELETE = userRoute<undefined, undefined, P>(
  ({ user, params, ip }) => deletePasskey({ userId: user.id, sessionId: user.sessionId, passkeyId: params.passkeyId, ip }),
  { accepts: "none" },
);
