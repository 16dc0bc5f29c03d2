import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/server/db/client";
import { listCertPrices } from "@/lib/server/channels/list-cert-prices";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { wizardPath } from "@/lib/server/orders/wizard-steps";
import { Card } from "@/components/ui/card";
import { GoodsForm } from "../goods-form";
import { loadWizardOrder } from "../load-wizard-order";
import { WizardFrame } from "../wizard-frame";
import type { StepPageProps } from "./step-props";

export async function GoodsPage({ params, kind }: StepPageProps) {
  const { orderId } = await params;
  const { order } = await loadWizardOrder({ orderId, kind, step: "goods" });
  const t = await getT();
  const draft = readDraft(order.draft);
  const [prices, platforms, free] = await Promise.all([
    listCertPrices(db, { channelId: order.channelId, subjectType: order.subjectType }),
    db.tradingPlatform.findMany({ where: { active: true }, select: { id: true, name: true, nameEn: true }, orderBy: { name: "asc" } }),
    order.subjectKey ? db.freeSubject.findUnique({ where: { channelId_subjectKey: { channelId: order.channelId, subjectKey: order.subjectKey } } }) : null,
  ]);
  const isUnit = kind === "unit";
  return (
    <WizardFrame order={order} step="goods">
      <Card title={t("wizard.goods.title")}>
        <GoodsForm
          orderId={order.id}
          isUnit={isUnit}
          prices={prices}
          isFree={Boolean(free)}
          platforms={platforms.map((p) => ({ id: p.id, name: t.locale === "en" && p.nameEn ? p.nameEn : p.name }))}
          allowNoInvoice={order.channel.allowNoInvoice}
          invoiceHeader={(isUnit ? draft.enterprise?.name : draft.person?.name) ?? ""}
          taxNumber={isUnit ? (draft.enterprise?.uscc ?? null) : null}
          defaults={draft.goods}
          backHref={wizardPath(order, isUnit ? "handler" : "person")}
        />
      </Card>
    </WizardFrame>
  );
}
