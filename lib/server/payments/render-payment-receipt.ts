import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { translator } from "@/lib/i18n/translate";
import { createPdfDocument } from "@/lib/pdf/create-document";
import { orderWhere } from "@/lib/server/orders/order-where";
import { amountInWords, formatYuan } from "./amount-in-words";

/**
 * 付款凭证: a receipt for money taken (paid, or paid and refunded), drawn from the payment row each
 * time it is asked for, for whoever may see the order. It is not a tax invoice (the invoice is) and
 * says so. In Chinese, like the invoice.
 */
export async function renderPaymentReceipt({ userId, paymentId }: { userId: string; paymentId: string }): Promise<{ bytes: Uint8Array; fileName: string }> {
  const p = await db.payment.findFirst({ where: { id: paymentId, order: orderWhere({ userId }) }, include: { order: { select: { no: true, subjectName: true } } } });
  if (!p || !p.paidAt || (p.status !== "SUCCEEDED" && p.status !== "REFUNDED")) throw new AppError("not_found");
  const t = translator("zh-CN");
  const at = p.paidAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  const bytes = await createPdfDocument({
    title: t("me.receipt.title"),
    sections: [
      {
        lines: [
          t("me.receipt.payee"),
          t("me.receipt.payer", { value: p.order.subjectName ?? "—" }),
          t("me.receipt.orderNo", { value: p.order.no }),
          t("me.receipt.item"),
        ],
      },
      {
        lines: [
          t("me.receipt.amount", { value: formatYuan(p.amountFen) }),
          t("me.receipt.amountWords", { value: amountInWords(p.amountFen) }),
          t("me.receipt.method", { value: p.method ? t(`payments.method.${p.method}`) : "—" }),
          t("me.receipt.paidAt", { value: at }),
          t("me.receipt.reference", { value: p.providerRef ?? p.id }),
          t("me.receipt.status", { value: t(`payments.status.${p.status}`) }),
        ],
      },
      { lines: [t("me.receipt.footer")] },
    ],
  });
  return { bytes, fileName: `receipt-${p.order.no}.pdf` };
}
