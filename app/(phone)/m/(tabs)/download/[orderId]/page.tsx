import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { DownloadForm } from "@/components/phone/download-form";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/db/client";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.download.metaTitle") };
}

export default async function DownloadPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requirePhoneUser({ next: `/m/download/${orderId}` });
  const t = await getT();
  // Only the caller's own order: anyone else's looks exactly like one that cannot be downloaded.
  const order = await db.order.findFirst({ where: { id: orderId, userId: user.id }, select: { id: true, no: true, status: true, subjectName: true } });
  return (
    <>
      <header className={styles.header}>
        <Link href="/m" className={styles.back} aria-label={t("review.common.back")}>‹</Link>
        <h1>{t("phone.download.title")}</h1>
      </header>
      {order?.status === "APPROVED" ? (
        <DownloadForm orderId={order.id} subject={t("phone.download.subject", { subject: order.subjectName ?? "", no: order.no })} />
      ) : (
        <EmptyState title={t("phone.download.notAvailable")} description={t("phone.download.notAvailableBody")} />
      )}
    </>
  );
}
