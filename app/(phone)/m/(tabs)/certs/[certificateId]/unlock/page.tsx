import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReverifyForm } from "@/components/phone/reverify-form";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/db/client";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.reverify.unlockTitle") };
}

export default async function UnlockPage({ params, searchParams }: { params: Promise<{ certificateId: string }>; searchParams: Promise<{ mode?: string; face?: string }> }) {
  const { certificateId } = await params;
  const query = await searchParams;
  const isReset = query.mode === "reset";
  // Back from the holder's face check (/m/face/[token]?next=…): the passed check's id.
  const faceCheckId = query.face && /^[A-Za-z0-9]{1,40}$/.test(query.face) ? query.face : undefined;
  const user = await requirePhoneUser({ next: `/m/certs/${certificateId}/unlock` });
  const t = await getT();
  const cert = await db.certificate.findFirst({ where: { id: certificateId, userId: user.id }, select: { keyShareId: true } });
  if (!cert?.keyShareId) notFound();
  return (
    <>
      <header className={styles.header}>
        <Link href={`/m/certs/${certificateId}`} className={styles.back} aria-label={t("review.common.back")}>‹</Link>
        <h1>{isReset ? t("phone.reverify.resetTitle") : t("phone.reverify.unlockTitle")}</h1>
      </header>
      <ReverifyForm key={faceCheckId ?? "none"} keyShareId={cert.keyShareId} isReset={isReset} backHref={`/m/certs/${certificateId}`} faceCheckId={faceCheckId} />
    </>
  );
}
