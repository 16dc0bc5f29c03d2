import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { StartPage } from "@/components/wizard/pages/start-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("wizard.unitTitle") };
}

// 证书新办 → 单位证书: what to prepare, then 开始办理.
export default function Page({ searchParams }: { searchParams: Promise<{ channel?: string }> }) {
  return <StartPage kind="unit" searchParams={searchParams} />;
}
