import { z } from "zod";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";

export const ZMoveExpiryFixture = z.object({ certificateId: z.string().min(1).max(40), daysLeft: z.number().int().min(-30).max(400) });

/**
 * End-to-end test fixture (CERTDESK_E2E_FIXTURES=1 only, else NOT_FOUND as if there were no route): moves the
 * caller's certificate pair's notAfter (the stored column the desk and phone read; the DER keeps its own) to
 * `daysLeft` days from now, so a spec reaches 即将过期 and 续期 without waiting.
 */
export async function moveExpiryFixture({ userId, input }: { userId: string; input: z.infer<typeof ZMoveExpiryFixture> }) {
  if (env().CERTDESK_E2E_FIXTURES !== "1") throw new AppError("not_found");
  const cert = await db.certificate.findFirst({ where: { id: input.certificateId, userId }, select: { id: true, orderId: true } });
  if (!cert) throw new AppError("not_found");
  const notAfter = new Date(Date.now() + input.daysLeft * 86_400_000);
  const where = cert.orderId ? { orderId: cert.orderId, userId } : { id: cert.id };
  const moved = await db.certificate.updateMany({ where, data: { notAfter } });
  return { moved: moved.count, notAfter: notAfter.toISOString() };
}
