import { notFound, redirect } from "next/navigation";
import { wizardByUrlKind } from "@/lib/server/orders/wizard-steps";

// The order's wizard without a step: continue where it stopped.
export default async function Page({ params }: { params: Promise<{ kind: string; orderId: string }> }) {
  const { kind, orderId } = await params;
  if (!wizardByUrlKind(kind)) notFound();
  redirect(`/orders/${orderId}/resume`);
}
