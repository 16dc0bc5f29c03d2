import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecoverKeyForm } from "@/components/phone/recover-key-form";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/db/client";
import { latestKeyRecovery } from "@/lib/server/escrow/latest-key-recovery";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.recovery.metaTitle") };
}

// 恢复到本机: only for the caller's valid encryption certificate (signing keys are never escrowed).
export default async function RecoverKeyPage({ params }: { params: Promise<{ certificateId: string }> }) {
  const { certificateId } = await params;
  const user = await requirePhoneUser({ next: `/m/certs/${certificateId}/recover` });
  const t = await getT();
  const cert = await db.certificate.findFirst({ where: { id: certificateId, userId: user.id, usage: "ENCRYPT", status: "VALID" }, select: { keyShareId: true } });
  if (!cert?.keyShareId) notFound();
  const recovery = await latestKeyRecovery({ userId: user.id, keyShareId: cert.keyShareId });
  return (
    <>
      <header className={styles.header}>
        <Link href={`/m/certs/${certificateId}`} className={styles.back} aria-label={t("review.common.back")}>‹</Link>
        <h1>{t("phone.recovery.title")}</h1>
      </header>
      <RecoverKeyForm certificateId={certificateId} keyShareId={cert.keyShareId} initial={recovery} />
    </>
  );
}
