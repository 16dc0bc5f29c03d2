import { getT } from "@/lib/i18n/server";
import type { loadHandlerStep } from "@/lib/server/orders/load-handler-step";
import { Card } from "@/components/ui/card";
import { HandlerForm } from "../handler-form";

export async function HandlerStep(props: Awaited<ReturnType<typeof loadHandlerStep>>) {
  const t = await getT();
  return (
    <Card title={t("wizard.handler.title")}>
      <HandlerForm {...props} />
    </Card>
  );
}
