import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { SubjectPage } from "@/components/wizard/pages/subject-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wizard.steps.person") };
}

export default function Page({ params }: { params: Promise<{ orderId: string }> }) {
  return <SubjectPage params={params} kind="individual" />;
}
