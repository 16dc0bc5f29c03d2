"use client";
import { ErrorView } from "@/components/shell/error-view";

// Errors above the desk and console frames (their layouts included) land here, without a shell.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main">
      <ErrorView error={error} retry={retry} />
    </main>
  );
}
