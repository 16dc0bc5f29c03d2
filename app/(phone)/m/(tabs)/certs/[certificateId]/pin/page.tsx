import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangePinForm } from "@/components/phone/change-pin-form";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/db/client";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.pin.changeTitle") };
}

export default async function ChangePinPage({ params }: { params: Promise<{ certificateId: string }> }) {
  const { certificateId } = await params;
  const user = await requirePhoneUser({ next: `/m/certs/${certificateId}/pin` });
  const t = await getT();
  const cert = await db.certificate.findFirst({ where: { id: certificateId, userId: user.id }, select: { keyShareId: true } });
  if (!cert?.keyShareId) notFound();
  return (
    <>
      <header className={styles.header}>
        <Link href={`/m/certs/${certificateId}`} className={styles.back} aria-label={t("review.common.back")}>‹</Link>
        <h1>{t("phone.pin.changeTitle")}</h1>
      </header>
      <ChangePinForm keyShareId={cert.keyShareId} backHref={`/m/certs/${certificateId}`} />
    </>
  );
}
