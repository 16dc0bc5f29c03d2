import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { SignPage } from "@/components/wizard/pages/sign-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wizard.steps.sign") };
}

export default function Page({ params }: { params: Promise<{ orderId: string }> }) {
  return <SignPage params={params} kind="unit" />;
}
