import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/db/client";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { resolveChannel } from "@/lib/server/channels/resolve-channel";
import { wizardByUrlKind } from "@/lib/server/orders/wizard-steps";
import { StartView } from "@/components/wizard/start-view";

/** The wizards a new order starts in (证书新办 → 单位证书 / 个人证书). */
function newOrderWizard(kind: string) {
  const wizard = wizardByUrlKind(kind);
  return wizard?.orderKind === "NEW" ? wizard : null;
}

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }): Promise<Metadata> {
  const wizard = newOrderWizard((await params).kind);
  if (!wizard) return {};
  return { title: (await getT())(wizard.subjectType === "UNIT" ? "wizard.unitTitle" : "wizard.individualTitle") };
}

// /apply/unit, /apply/individual — what to prepare, then 开始办理.
export default async function Page({ params, searchParams }: { params: Promise<{ kind: string }>; searchParams: Promise<{ channel?: string }> }) {
  const { kind } = await params;
  const wizard = newOrderWizard(kind);
  if (!wizard) notFound();
  const { channel: channelCode } = await searchParams;
  await requirePageUser({ next: `/apply/${kind}` });
  const channel = await resolveChannel(db, { code: channelCode });
  return <StartView subjectType={wizard.subjectType} allowedMethods={channel.allowedMethods} channelCode={channelCode} isAutoApprove={wizard.subjectType === "INDIVIDUAL" && channel.autoApproveIndividual} />;
}
