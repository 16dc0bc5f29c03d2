import type { Metadata } from "next";
import { ServiceStart } from "@/components/lookup/service-start";
import { SealHub } from "@/components/seals/seal-hub";
import { makerInitial } from "@/components/seals/seal-reapply";
import { ServiceInfoPage } from "@/components/services/service-info-page";
import { getT } from "@/lib/i18n/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("services.seals.title"), description: t("services.seals.lead") };
}

// 印章办理: signed in, the real flows (personal seals here, the enterprise's under /org/[orgId]/seals);
// anonymous, what the service is and the way in.
export default async function SealsPage({ searchParams }: { searchParams: Promise<{ kind?: string | string[]; source?: string | string[] }> }) {
  const user = await getSessionUser();
  if (user) return <SealHub userId={user.id} initial={makerInitial("personal", await searchParams)} />;
  return <ServiceInfoPage service="seals" start={<ServiceStart service="seals" />} />;
}
