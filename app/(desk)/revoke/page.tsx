import type { Metadata } from "next";
import { OrdersStart } from "@/components/services/orders-start";
import { ServiceInfoPage } from "@/components/services/service-info-page";
import { Alert } from "@/components/ui/alert";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("services.revoke.title"), description: t("services.revoke.lead") };
}

export default async function RevokeInfoPage() {
  const t = await getT();
  return (
    <ServiceInfoPage
      service="revoke"
      start={<OrdersStart />}
      notice={
        <Alert tone="warning" isLive={false} title={t("services.revoke.warningTitle")}>
          {t("services.revoke.warningBody")}
        </Alert>
      }
    />
  );
}
