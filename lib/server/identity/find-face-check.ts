import { db } from "@/lib/db/client";
import { effectiveStatus } from "./identity-check-view";
import { faceTokenHash } from "./face-link";

export type FaceCheckForPage = { checkId: string; status: "PENDING" | "PASSED" | "FAILED" | "EXPIRED"; name: string; failReason?: string };

/**
 * The face page is opened on someone else's phone without a login: the link's token is the only
 * credential, looked up by its hash. Unknown tokens are null (the page answers 404).
 */
export async function findFaceCheck({ token }: { token: string }): Promise<FaceCheckForPage | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const row = await db.identityCheck.findFirst({ where: { secretHash: faceTokenHash(token), method: "FACE" } });
  if (!row) return null;
  const subject = (row.subject ?? {}) as Record<string, string>;
  return { checkId: row.id, status: effectiveStatus(row), name: subject.name ?? "", failReason: row.failReason ?? undefined };
}
