import { AppError } from "@/lib/errors";
import type { db, Tx } from "@/lib/db/client";
import { holderFaceMark, REVERIFY_FACE_MAX_AGE_MS } from "@/lib/server/keys/holder-face-check";

type Check = { id: string; userId: string; method: string; status: string; completedAt: Date | null; subject: unknown };

/**
 * The face check a reverify rests on: PASSED, FACE, started by this user for exactly this holder and
 * key group (startHolderFaceCheck), completed at most 10 minutes ago and not used before. With `tx`
 * the use is recorded (a `reverifyUsedAt` marker in the check's subject, set by a conditional update,
 * so of two racing reverifies one wins); without, only checked (before the SMS code is spent).
 */
export async function claimReverifyFaceCheck(
  client: Tx | typeof db,
  { faceCheckId, userId, shareIds, idNumber, record }: { faceCheckId: string | undefined; userId: string; shareIds: string[]; idNumber: string; record: boolean },
): Promise<void> {
  const refuse = () => new AppError("validation_failed", { userMessage: "phone.errors.faceRequired", fields: { faceCheckId: ["phone.errors.faceRequired"] } });
  if (!faceCheckId) throw refuse();
  const check = (await client.identityCheck.findUnique({ where: { id: faceCheckId } })) as Check | null;
  const subject = (check?.subject ?? {}) as Record<string, string>;
  const groupId = [...shareIds].sort()[0]!;
  if (!check || check.userId !== userId || check.method !== "FACE" || check.status !== "PASSED" || !check.completedAt) throw refuse();
  if (subject.purpose !== "reverify" || subject.holderMark !== holderFaceMark(groupId, idNumber)) throw refuse();
  if (Date.now() - check.completedAt.getTime() > REVERIFY_FACE_MAX_AGE_MS) {
    throw new AppError("validation_failed", { userMessage: "phone.errors.faceStale", fields: { faceCheckId: ["phone.errors.faceStale"] } });
  }
  if (subject.reverifyUsedAt) throw new AppError("validation_failed", { userMessage: "phone.errors.faceUsed", fields: { faceCheckId: ["phone.errors.faceUsed"] } });
  if (!record) return;
  const used = await client.$executeRaw`
    UPDATE "IdentityCheck" SET subject = subject::jsonb || jsonb_build_object('reverifyUsedAt', ${new Date().toISOString()}::text)
    WHERE id = ${faceCheckId} AND subject::jsonb ->> 'reverifyUsedAt' IS NULL`;
  if (used !== 1) throw new AppError("validation_failed", { userMessage: "phone.errors.faceUsed", fields: { faceCheckId: ["phone.errors.faceUsed"] } });
}
