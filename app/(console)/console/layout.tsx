import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ConsoleFrame } from "@/components/shell/console-frame";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return {
    title: { default: t("console.title"), template: `%s · ${t("console.title")}` },
    icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }] },
    robots: { index: false, follow: false },
  };
}

// The frame of the review console. It checks access to draw the nav for the role; every console
// page checks again itself, because a layout does not re-run on client navigation between its pages.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser({ permission: "console.access", next: "/console" });
  return <ConsoleFrame user={user}>{children}</ConsoleFrame>;
}
