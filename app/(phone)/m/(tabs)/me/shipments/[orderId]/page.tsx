import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { ShipmentCard } from "@/components/shipping/shipment-card";
import { toShipmentView } from "@/components/shipping/shipment-view";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { getOrderShipment } from "@/lib/server/shipping/get-order-shipment";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("shipping.card.title") };
}

// An order's USB Key 配送 on the phone (the 已发货 SMS and inbox message open it): the same card as the desk's order page.
export default async function PhoneShipmentPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requirePhoneUser({ next: `/m/me/shipments/${orderId}` });
  const t = await getT();
  const shipment = await getOrderShipment({ userId: user.id, orderId });
  if (!shipment) notFound();
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/messages" className={styles.back} aria-label={t("review.common.back")}>‹</Link>
        <h1>{t("shipping.card.title")}</h1>
      </header>
      <p className={styles.note}>{t("orders.detail.title", { no: shipment.orderNo })}</p>
      <Card>
        <ShipmentCard orderId={orderId} shipment={toShipmentView(shipment, t.locale)} />
      </Card>
    </>
  );
}
