import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { HandlerPage } from "@/components/wizard/pages/handler-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wizard.steps.handler") };
}

export default function Page({ params }: { params: Promise<{ orderId: string }> }) {
  return <HandlerPage params={params} kind="unit" />;
}
