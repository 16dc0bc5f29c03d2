import { AppError } from "@/lib/errors";
import { getIdentityProvider } from "@/lib/identity/get-identity-provider";
import { db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { finishIdentityCheck } from "./finish-identity-check";
import { findFaceCheck, type FaceCheckForPage } from "./find-face-check";

/**
 * Called by the face page after the person has done the liveness step: asks the provider for the
 * session's result and records it. The desk sees the change through its status stream.
 */
export async function completeFaceCheck({ token }: { token: string }): Promise<FaceCheckForPage> {
  const check = await findFaceCheck({ token });
  if (!check) throw new AppError("not_found");
  if (check.status === "EXPIRED") throw new AppError("gone", { userMessage: "identity.errors.faceExpired" });
  if (check.status !== "PENDING") return check;
  await consumeRateLimit(db, `identity:face-complete:${check.checkId}`, [{ seconds: 60, max: 10 }]);

  const row = await db.identityCheck.findUniqueOrThrow({ where: { id: check.checkId } });
  let result;
  try {
    result = await getIdentityProvider().getFaceResult({ providerRef: row.providerRef ?? "" });
  } catch (err) {
    console.error("[identity] face result failed:", err instanceof Error ? err.name : "unknown");
    throw new AppError("provider_failed", { cause: err });
  }
  await db.$transaction((tx) => finishIdentityCheck(tx, { checkId: row.id, ok: result.ok, reason: result.ok ? undefined : result.reason, providerRef: result.providerRef }));
  return (await findFaceCheck({ token }))!;
}
