import { createPdfDocument } from "@/lib/pdf/create-document";
import { translator } from "@/lib/i18n/translate";
import { amountInWords, formatYuan } from "./amount-in-words";
import type { TInvoiceFields } from "./invoice-fields.types";

/**
 * The invoice document. Always in Chinese: a fapiao is a Chinese tax document whatever the UI language.
 * A RED note (红字发票) carries the negative amount and the number of the BLUE invoice it reverses; a
 * BLUE invoice issued by a re-issue names the one it replaces.
 */
export function renderInvoicePdf({ number, issuedAt, orderNo, amountFen, fields, kind = "BLUE", reversesNumber, replacesNumber }: {
  number: string;
  issuedAt: Date;
  orderNo: string;
  amountFen: number;
  fields: TInvoiceFields;
  kind?: "BLUE" | "RED";
  reversesNumber?: string;
  replacesNumber?: string;
}): Promise<Uint8Array> {
  const t = translator("zh-CN");
  const date = issuedAt.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });
  const buyer = [
    t("payments.invoice.buyerName", { value: fields.title }),
    ...(fields.taxNumber ? [t("payments.invoice.buyerTax", { value: fields.taxNumber })] : []),
    ...(fields.address || fields.phone ? [t("payments.invoice.buyerAddress", { value: [fields.address, fields.phone].filter(Boolean).join(" ") })] : []),
    ...(fields.bank || fields.account ? [t("payments.invoice.buyerBank", { value: [fields.bank, fields.account].filter(Boolean).join(" ") })] : []),
  ];
  const isRed = kind === "RED";
  const amount = (isRed ? "-" : "") + formatYuan(Math.abs(amountFen));
  const words = (isRed ? t("invoices.pdf.negative") : "") + amountInWords(Math.abs(amountFen));
  return createPdfDocument({
    title: isRed ? t("invoices.pdf.redTitle") : t("payments.invoice.title"),
    sections: [
      { lines: [t("payments.invoice.number", { number }), t("payments.invoice.issuedAt", { date }), ...(isRed && reversesNumber ? [t("invoices.pdf.reverses", { number: reversesNumber })] : [])] },
      { heading: t("payments.invoice.buyer"), lines: buyer },
      { heading: t("payments.invoice.seller"), lines: [t("payments.invoice.sellerName")] },
      {
        heading: t("payments.invoice.items"),
        lines: [t("payments.invoice.itemLine", { orderNo }), t("payments.invoice.amount", { amount }), t("payments.invoice.amountWords", { words })],
      },
      {
        lines: [
          ...(isRed ? [t("invoices.pdf.redReason")] : []),
          ...(replacesNumber ? [t("payments.invoice.reissueOf", { number: replacesNumber })] : []),
          t("payments.invoice.footer"),
        ],
      },
    ],
  });
}
