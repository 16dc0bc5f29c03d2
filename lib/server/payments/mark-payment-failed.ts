import type { PaymentProvider } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/** A PENDING payment the provider gave up on (declined, cancelled). A paid one is never downgraded. */
export async function markPaymentFailed({ providerRef, provider, eventId, eventType, status = "FAILED" }: { providerRef: string; provider: PaymentProvider; eventId?: string; eventType?: string; status?: "FAILED" | "CANCELLED" }) {
  return db.$transaction(async (tx) => {
    if (eventId) {
      const { count } = await tx.webhookEvent.createMany({ data: [{ id: eventId, provider, type: eventType ?? "payment.failed" }], skipDuplicates: true });
      if (count === 0) return false;
    }
    const payment = await tx.payment.findFirst({ where: { providerRef, provider } });
    if (!payment) return false;
    const { count } = await tx.payment.updateMany({ where: { id: payment.id, status: "PENDING" }, data: { status } });
    if (count > 0) await writeAudit(tx, { action: `payment.${status.toLowerCase() as Lowercase<typeof status>}`, targetType: "Payment", targetId: payment.id, data: { eventId: eventId ?? null } });
    return count > 0;
  });
}
