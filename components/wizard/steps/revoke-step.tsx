import { getT } from "@/lib/i18n/server";
import type { revokeLoadStep } from "@/lib/server/orders/revoke-load-step";
import { Card } from "@/components/ui/card";
import { RevokeConfirmForm } from "@/components/revoke/revoke-confirm-form";

/** The revocation wizard's last step: the certificate pair, the warning, the reason. */
export async function RevokeStep(props: Awaited<ReturnType<typeof revokeLoadStep>>) {
  const t = await getT();
  return (
    <Card title={t("lifecycleRevoke.step.title")}>
      <RevokeConfirmForm {...props} />
    </Card>
  );
}
