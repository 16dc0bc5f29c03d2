"use client";
import { ErrorView } from "@/components/shell/error-view";

// Errors in desk pages keep the header and footer around the message.
export default function DeskError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} />;
}
