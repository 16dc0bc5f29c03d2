import { z } from "zod";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { queueSms } from "@/lib/server/notify/queue-sms";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { effectiveStatus } from "./identity-check-view";
import { faceUrl } from "./face-link";
import { loadVisibleCheck } from "./load-visible-check";

export const ZSendFaceLinkSchema = z.object({ phone: z.string().trim().regex(/^1[3-9]\d{9}$/, "identity.errors.phoneInvalid") });

/** Texts the face-check link to the person who must do it (usually the legal representative). */
export async function sendFaceLink({ userId, checkId, phone }: { userId: string; checkId: string; phone: string }): Promise<{ sentTo: string }> {
  const parsed = ZSendFaceLinkSchema.parse({ phone });
  const row = await loadVisibleCheck({ userId, checkId, ownerOnly: true });
  if (row.method !== "FACE") throw new AppError("bad_request");
  if (effectiveStatus(row) !== "PENDING") throw new AppError("conflict", { userMessage: "identity.errors.notPending" });
  // One text a minute and five per check: the link goes to someone else's phone.
  await consumeRateLimit(db, `identity:face-sms:${row.id}`, [{ seconds: 60, max: 1 }, { seconds: 86_400, max: 5 }]);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  const locale = user.locale === "en" ? "en" : "zh-CN";
  await queueSms(db, { to: parsed.phone, template: "face_link", params: { url: faceUrl(row.id), minutes: "30" }, locale });
  return { sentTo: parsed.phone };
}
