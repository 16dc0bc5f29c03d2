import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { MethodPage } from "@/components/wizard/pages/method-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wizard.steps.method") };
}

export default function Page({ params }: { params: Promise<{ orderId: string }> }) {
  return <MethodPage params={params} kind="unit" />;
}
