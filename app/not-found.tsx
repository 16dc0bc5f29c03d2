import type { Metadata } from "next";
import { DeskShell } from "@/components/shell/desk-shell";
import { NotFoundView } from "@/components/shell/not-found-view";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("shell.notFound.metaTitle") };
}

// Unknown addresses: nothing below the root layout rendered, so this brings the desk frame itself.
// notFound() inside the desk or the console is caught by their own not-found files (no second frame).
export default function NotFound() {
  return (
    <DeskShell>
      <NotFoundView />
    </DeskShell>
  );
}
