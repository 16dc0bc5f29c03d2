import { getT } from "@/lib/i18n/server";
import type { loadGoodsStep } from "@/lib/server/orders/load-goods-step";
import { Card } from "@/components/ui/card";
import { GoodsForm } from "../goods-form";

export async function GoodsStep({ platforms, ...props }: Awaited<ReturnType<typeof loadGoodsStep>>) {
  const t = await getT();
  return (
    <Card title={t("wizard.goods.title")}>
      <GoodsForm {...props} platforms={platforms.map((p) => ({ id: p.id, name: t.locale === "en" && p.nameEn ? p.nameEn : p.name }))} />
    </Card>
  );
}
