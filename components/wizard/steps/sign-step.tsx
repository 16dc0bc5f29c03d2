import { getT } from "@/lib/i18n/server";
import { AGREEMENT_VERSION } from "@/lib/server/orders/agreement";
import type { loadSignStep } from "@/lib/server/orders/load-sign-step";
import { Card } from "@/components/ui/card";
import { SignForm } from "../sign-form";

export async function SignStep({ isUnit, ...props }: Awaited<ReturnType<typeof loadSignStep>>) {
  const t = await getT();
  return (
    <Card title={t("wizard.sign.title")} description={t(isUnit ? "wizard.sign.leadUnit" : "wizard.sign.leadIndividual")}>
      <SignForm {...props} agreementTitle={t("wizard.sign.agreementTitle", { version: AGREEMENT_VERSION })} agreementText={t("wizard.sign.agreementText")} />
    </Card>
  );
}
