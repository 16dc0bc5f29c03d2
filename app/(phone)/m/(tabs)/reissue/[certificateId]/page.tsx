import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReissueForm } from "@/components/phone/reissue-form";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/db/client";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { reissueFindOpen } from "@/lib/server/orders/reissue-find-open";
import { reissueGetOrder } from "@/lib/server/orders/reissue-get-order";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("lifecycleReissue.page.metaTitle") };
}

// 证书补办 / 找回: for the caller's own certificate pair (either half's id); someone else's is 404.
export default async function ReissuePage({ params }: { params: Promise<{ certificateId: string }> }) {
  const { certificateId } = await params;
  const user = await requirePhoneUser({ next: `/m/reissue/${certificateId}` });
  const t = await getT();
  const cert = await db.certificate.findFirst({
    where: { id: certificateId, userId: user.id },
    select: { id: true, usage: true, serialHex: true, subjectName: true, notAfter: true, keyShareId: true, status: true },
  });
  if (!cert) notFound();
  const open = await reissueFindOpen({ userId: user.id, certificateId });
  const initial = open ? await reissueGetOrder({ userId: user.id, orderId: open.id }) : null;
  const dateOf = (d: Date) => new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(d);
  return (
    <>
      <header className={styles.header}>
        <Link href="/m" className={styles.back} aria-label={t("review.common.back")}>‹</Link>
        <h1>{t("lifecycleReissue.page.title")}</h1>
      </header>
      <section className={styles.section}>
        <p className={styles.note}>{t("lifecycleReissue.page.lead")}</p>
        <div className={styles.card}>
          <p className={styles.cardTitle}>{cert.subjectName}</p>
          <p className={styles.cardMeta}>{t("lifecycleReissue.page.serial")}: {cert.serialHex}</p>
          <p className={styles.cardMeta}>{t("lifecycleReissue.page.notAfter")}: {dateOf(cert.notAfter)}</p>
        </div>
      </section>
      <ReissueForm certificateId={cert.id} signKeyShareId={cert.usage === "SIGN" && cert.status === "VALID" ? cert.keyShareId : null} initial={initial} />
    </>
  );
}
