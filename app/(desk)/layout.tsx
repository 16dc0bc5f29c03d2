import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DeskShell } from "@/components/shell/desk-shell";

export const metadata: Metadata = {
  icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }] },
};

export default function DeskLayout({ children }: { children: ReactNode }) {
  return <DeskShell>{children}</DeskShell>;
}
