import { createPdfDocument } from "@/lib/pdf/create-document";
import { translator } from "@/lib/i18n/translate";
import { amountInWords, formatYuan } from "./amount-in-words";
import type { TInvoiceFields } from "./invoice-fields.types";

/** The invoice document. Always in Chinese: a fapiao is a Chinese tax document whatever the UI language. */
export function renderInvoicePdf({ number, issuedAt, orderNo, amountFen, fields, reissueOfNumber }: {
  number: string;
  issuedAt: Date;
  orderNo: string;
  amountFen: number;
  fields: TInvoiceFields;
  reissueOfNumber?: string;
}): Promise<Uint8Array> {
  const t = translator("zh-CN");
  const date = issuedAt.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });
  const buyer = [
    t("payments.invoice.buyerName", { value: fields.title }),
    ...(fields.taxNumber ? [t("payments.invoice.buyerTax", { value: fields.taxNumber })] : []),
    ...(fields.address || fields.phone ? [t("payments.invoice.buyerAddress", { value: [fields.address, fields.phone].filter(Boolean).join(" ") })] : []),
    ...(fields.bank || fields.account ? [t("payments.invoice.buyerBank", { value: [fields.bank, fields.account].filter(Boolean).join(" ") })] : []),
  ];
  return createPdfDocument({
    title: t("payments.invoice.title"),
    sections: [
      { lines: [t("payments.invoice.number", { number }), t("payments.invoice.issuedAt", { date })] },
      { heading: t("payments.invoice.buyer"), lines: buyer },
      { heading: t("payments.invoice.seller"), lines: [t("payments.invoice.sellerName")] },
      {
        heading: t("payments.invoice.items"),
        lines: [
          t("payments.invoice.itemLine", { orderNo }),
          t("payments.invoice.amount", { amount: formatYuan(amountFen) }),
          t("payments.invoice.amountWords", { words: amountInWords(amountFen) }),
        ],
      },
      { lines: [...(reissueOfNumber ? [t("payments.invoice.reissueOf", { number: reissueOfNumber })] : []), t("payments.invoice.footer")] },
    ],
  });
}
