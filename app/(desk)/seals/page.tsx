import type { Metadata } from "next";
import { ServiceStart } from "@/components/lookup/service-start";
import { ServiceInfoPage } from "@/components/services/service-info-page";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("services.seals.title"), description: t("services.seals.lead") };
}

export default function SealsInfoPage() {
  return <ServiceInfoPage service="seals" start={<ServiceStart service="seals" />} />;
}
