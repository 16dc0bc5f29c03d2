import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { PayPage } from "@/components/wizard/pages/pay-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wizard.steps.pay") };
}

export default function Page({ params }: { params: Promise<{ orderId: string }> }) {
  return <PayPage params={params} kind="unit" />;
}
