import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { createPdfDocument } from "@/lib/pdf/create-document";
import { translator } from "@/lib/i18n/translate";
import { maskIdNumber } from "@/lib/validators/mask";
import { holderOfOrder } from "./holder-of-order";
import { readDraft } from "./order-draft.types";
import { readReissueDraft } from "./reissue-draft";

/**
 * The 补办申请表 of a REISSUE order whose channel asks for it (Channel.reissueNeedsForm): the holder
 * prints it, ticks the reason, signs (and for a unit's certificate stamps) it and uploads the scan
 * from the phone (MaterialKind REISSUE_FORM). Chinese, like every paper filed with the CA; the ID
 * number masked (the session may be on a phone that is not the holder's).
 */
export async function renderReissueForm({ userId, orderId }: { userId: string; orderId: string }) {
  const order = await db.order.findFirst({ where: { id: orderId, userId, kind: "REISSUE" }, select: { no: true, subjectType: true, subjectName: true, createdAt: true, draft: true } });
  const reissue = order && readReissueDraft(order.draft).reissue;
  if (!order || !reissue?.needsForm) throw new AppError("not_found");
  const cert = await db.certificate.findUniqueOrThrow({ where: { id: reissue.certificateId }, select: { serialHex: true, subjectName: true } });
  const holder = holderOfOrder(order);
  const { enterprise } = readDraft(order.draft);
  const t = translator("zh-CN");
  const f = (key: Parameters<typeof t>[0], value: string | undefined | null) => `${t(key)}：${value || "—"}`;
  const date = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(order.createdAt);
  const unit = order.subjectType === "UNIT";
  const sections = [
    { heading: t("lifecycleReissue.form.orderSection"), lines: [f("lifecycleReissue.form.orderNo", order.no), f("lifecycleReissue.form.requestedAt", date)] },
    {
      heading: t("lifecycleReissue.form.certificateSection"),
      lines: [
        f("lifecycleReissue.page.subject", cert.subjectName),
        f("lifecycleReissue.page.serial", cert.serialHex),
        ...(unit && enterprise ? [f("wizard.enterprise.uscc", enterprise.uscc)] : []),
      ],
    },
    { heading: t("lifecycleReissue.form.holderSection"), lines: [f("lifecycleReissue.page.name", holder.name), f("lifecycleReissue.page.idNumber", maskIdNumber(holder.idNumber))] },
    { heading: t("lifecycleReissue.form.reasonSection"), lines: [t("lifecycleReissue.form.reasons"), t("lifecycleReissue.form.declaration")] },
    { heading: t("lifecycleReissue.form.signSection"), lines: [t(unit ? "lifecycleReissue.form.signUnit" : "lifecycleReissue.form.signPerson"), "", "", "", "", "", t("lifecycleReissue.form.date")] }, // room to sign and stamp
  ];
  const bytes = await createPdfDocument({ title: t("lifecycleReissue.form.title"), sections });
  return { bytes, filename: `${order.no}-reissue-form.pdf` };
}
