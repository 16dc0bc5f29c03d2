import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { ConfirmPage } from "@/components/wizard/pages/confirm-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wizard.steps.confirm") };
}

export default function Page({ params }: { params: Promise<{ orderId: string }> }) {
  return <ConfirmPage params={params} kind="individual" />;
}
