import { redirect } from "next/navigation";

// The order's wizard without a step: continue where it stopped.
export default async function Page({ params }: { params: Promise<{ orderId: string }> }) {
  redirect(`/orders/${(await params).orderId}/resume`);
}
