import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { GoodsPage } from "@/components/wizard/pages/goods-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wizard.steps.goods") };
}

export default function Page({ params }: { params: Promise<{ orderId: string }> }) {
  return <GoodsPage params={params} kind="individual" />;
}
