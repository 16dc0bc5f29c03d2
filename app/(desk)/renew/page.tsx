import type { Metadata } from "next";
import { OrdersStart } from "@/components/services/orders-start";
import { ServiceInfoPage } from "@/components/services/service-info-page";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("services.renew.title"), description: t("services.renew.lead") };
}

export default function RenewInfoPage() {
  return <ServiceInfoPage service="renew" start={<OrdersStart />} />;
}
