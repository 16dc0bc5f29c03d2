import type { Metadata } from "next";
import { ServiceStart } from "@/components/lookup/service-start";
import { ServiceInfoPage } from "@/components/services/service-info-page";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("services.change.title"), description: t("services.change.lead") };
}

export default function ChangeInfoPage() {
  return <ServiceInfoPage service="change" start={<ServiceStart service="change" />} />;
}
