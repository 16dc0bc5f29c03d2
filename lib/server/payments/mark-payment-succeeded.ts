import type { PaymentProvider } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { onOrderPaid } from "@/lib/server/orders/on-order-paid";
import { issueInvoice } from "./issue-invoice";

export type MarkPaidResult = { outcome: "paid" | "already_paid" | "duplicate_event" | "unknown_payment" | "amount_mismatch"; paymentId?: string; orderId?: string; invoiceId?: string };

/**
 * The one place a payment becomes SUCCEEDED. Idempotent: the provider's event id is recorded first
 * (a redelivered webhook stops there) and the payment row is locked and re-read (a second event for
 * the same intent, or a double tap on the sandbox page, finds it paid). In ONE transaction: the
 * payment, the order's advance (onOrderPaid), the audit row and the invoice.
 */
export async function markPaymentSucceeded({
  paymentId,
  providerRef,
  provider,
  eventId,
  eventType = "payment.succeeded",
  amountFen,
  currency,
  actorId = null,
}: {
  paymentId?: string;
  providerRef?: string;
  provider: PaymentProvider;
  eventId?: string;
  eventType?: string;
  amountFen?: number;
  currency?: string;
  actorId?: string | null;
}): Promise<MarkPaidResult> {
  return db.$transaction(
    async (tx) => {
      if (eventId) {
        const { count } = await tx.webhookEvent.createMany({ data: [{ id: eventId, provider, type: eventType }], skipDuplicates: true });
        if (count === 0) return { outcome: "duplicate_event" } as const;
      }
      // By the provider's reference, or by our id (Stripe echoes it in metadata): a webhook that
      // overtakes the request which stored the reference still finds its payment.
      const rows = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM "Payment"
        WHERE provider = ${provider}::"PaymentProvider" AND ("providerRef" = ${providerRef ?? null} OR id = ${paymentId ?? null})
        ORDER BY ("providerRef" = ${providerRef ?? null}) DESC NULLS LAST
        LIMIT 1 FOR UPDATE`;
      if (!rows[0]) return { outcome: "unknown_payment" } as const;
      const payment = await tx.payment.findUniqueOrThrow({ where: { id: rows[0].id }, include: { order: { select: { status: true } } } });
      const ids = { paymentId: payment.id, orderId: payment.orderId };
      if (payment.status === "SUCCEEDED" || payment.status === "REFUNDED") return { outcome: "already_paid", ...ids } as const;

      // The money that arrived must be what we asked for; anything else is for a person to look at.
      if ((amountFen !== undefined && amountFen !== payment.amountFen) || (currency !== undefined && currency.toLowerCase() !== "cny")) {
        await writeAudit(tx, { actorId, action: "payment.amount_mismatch", targetType: "Payment", targetId: payment.id, data: { expected: payment.amountFen, got: amountFen ?? null, currency: currency ?? null, eventId: eventId ?? null } });
        return { outcome: "amount_mismatch", ...ids } as const;
      }

      // Paid twice (WeChat Pay and Alipay both scanned): record the money, flag it for a refund,
      // but the order advances and is invoiced only once.
      const orderWasAwaiting = payment.order.status === "AWAITING_PAYMENT";
      await tx.payment.update({ where: { id: payment.id }, data: { status: "SUCCEEDED", paidAt: new Date(), ...(providerRef && !payment.providerRef ? { providerRef } : {}) } });
      // The other method's QR (scanned later) must not take a second payment for this order.
      await tx.payment.updateMany({ where: { orderId: payment.orderId, status: "PENDING", id: { not: payment.id } }, data: { status: "CANCELLED" } });
      await onOrderPaid(tx, { orderId: payment.orderId, paymentId: payment.id });
      await writeAudit(tx, {
        actorId,
        action: orderWasAwaiting ? "payment.succeeded" : "payment.succeeded_refund_needed",
        targetType: "Payment",
        targetId: payment.id,
        data: { orderId: payment.orderId, amountFen: payment.amountFen, provider, eventId: eventId ?? null },
      });
      const invoice = orderWasAwaiting ? await issueInvoice({ orderId: payment.orderId, tx, actorId }) : null;
      return { outcome: "paid", ...ids, invoiceId: invoice?.id } as const;
    },
    // The invoice PDF is rendered inside: allow for a cold font load. maxWait: on the embedded
    // single-connection database a racing second confirm waits for this one to finish.
    { timeout: 30_000, maxWait: 15_000 },
  );
}
