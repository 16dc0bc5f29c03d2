import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { MaterialsPage } from "@/components/wizard/pages/materials-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wizard.steps.materials") };
}

export default function Page({ params }: { params: Promise<{ orderId: string }> }) {
  return <MaterialsPage params={params} kind="unit" />;
}
