import { getT } from "@/lib/i18n/server";
import type { loadMethodStep } from "@/lib/server/orders/load-method-step";
import { Card } from "@/components/ui/card";
import { MethodForm } from "../method-form";

export async function MethodStep(props: Awaited<ReturnType<typeof loadMethodStep>>) {
  const t = await getT();
  return (
    <Card title={t("wizard.method.title")} description={t(props.kind === "unit" ? "wizard.method.leadUnit" : "wizard.method.leadIndividual")}>
      <MethodForm {...props} />
    </Card>
  );
}
