import { ButtonLink } from "@/components/ui/button";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CertKeyActions } from "@/components/phone/cert-key-actions";
import { RevokeCertAction } from "@/components/phone/revoke-cert-action";
import styles from "@/components/phone/phone.module.css";
import { AppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { getPhoneCertificate } from "@/lib/server/certs/get-phone-certificate";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("phone.cert.metaTitle") };
}

const OCSP_TONE: Record<string, BadgeTone> = { good: "success", revoked: "danger", unknown: "warning", unavailable: "neutral" };

export default async function PhoneCertPage({ params }: { params: Promise<{ certificateId: string }> }) {
  const { certificateId } = await params;
  const user = await requirePhoneUser({ next: `/m/certs/${certificateId}` });
  const t = await getT();
  const cert = await getPhoneCertificate({ userId: user.id, certificateId }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const when = (d?: Date) => (d ? new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(d) : "—");
  const ocspText =
    cert.ocsp.status === "good"
      ? t("phone.cert.ocspGood")
      : cert.ocsp.status === "revoked"
        ? t("phone.cert.ocspRevoked", { date: when(cert.ocsp.revokedAt) })
        : cert.ocsp.status === "unknown"
          ? t("phone.cert.ocspUnknown")
          : t("phone.cert.ocspUnavailable");
  const isLocked = cert.keyShare?.status === "LOCKED";
  const rows: Array<[string, React.ReactNode]> = [
    [t("phone.cert.subjectName"), cert.subjectName],
    [t("phone.cert.serial"), <span className={styles.mono} key="s" data-testid="cert-serial">{cert.serialHex}</span>],
    [t("phone.cert.subject"), <span className={styles.mono} key="d">{cert.subject}</span>],
    [t("phone.cert.issuer"), <span className={styles.mono} key="i">{cert.issuer}</span>],
    [t("phone.cert.notBefore"), when(cert.notBefore)],
    [t("phone.cert.notAfter"), when(cert.notAfter)],
    [t("phone.cert.fingerprint"), <span className={styles.mono} key="f">{cert.fingerprint}</span>],
    [t("phone.cert.orderNo"), cert.order?.no ?? "—"],
  ];

  return (
    <>
      <header className={styles.header}>
        <Link href="/m/certs" className={styles.back} aria-label={t("review.common.back")}>‹</Link>
        <h1>{t(`phone.cert.usage.${cert.usage}`)}</h1>
      </header>
      <div className={styles.form}>
        <Card title={t("phone.cert.ocsp")} actions={<Badge tone={OCSP_TONE[cert.ocsp.status]}><span data-testid="ocsp-status">{ocspText}</span></Badge>}>
          <p className={styles.note}>{t("phone.cert.ocspAt", { date: when(cert.ocsp.thisUpdate ?? new Date()) })}</p>
        </Card>
        {cert.status === "VALID" && cert.notAfter.getTime() - Date.now() <= 90 * 86_400_000 && (
          <Alert tone="warning" isLive={false} title={t("lifecycleRenew.expiringSoon")} data-testid="renew-hint">
            {t("lifecycleRenew.phoneRenewHint", { date: when(cert.notAfter) })} <Link href="/renew">{t("lifecycleRenew.renew")} ›</Link>
          </Alert>
        )}
        {isLocked && <Alert tone="error" isLive={false} data-testid="key-locked">{t("phone.cert.keyLocked")}</Alert>}
        {cert.status === "REVOKED" && <Alert tone="info" isLive={false} data-testid="cert-revoked">{t("lifecycleRevoke.phone.revokedNote")}</Alert>}
        <Card>
          <dl className={styles.dl}>
            {rows.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {cert.pair.map((p) => (
          <Link key={p.id} href={`/m/certs/${p.id}`} className={styles.card}>
            <p className={styles.cardTitle}>{t("phone.cert.pair")}：{t(`phone.cert.usage.${p.usage}`)}</p>
            <p className={`${styles.cardMeta} ${styles.mono}`}>{p.serialHex}</p>
          </Link>
        ))}
        {cert.keyShare && cert.status === "VALID" && (
          <CertKeyActions certificateId={cert.id} keyShareId={cert.keyShare.id} usage={cert.usage} isLocked={isLocked} />
        )}
        {cert.status === "VALID" && cert.usage === "SIGN" && (
          // 证书变更 opens the desk's flow in the phone's browser, as 续期 does (the wizard works at 390 px).
          <ButtonLink href={`/change?certificateId=${cert.id}`} variant="outline" block data-testid="cert-change">
            {t("lifecycleChange.phone.change")}
          </ButtonLink>
        )}
        {cert.keyShare && cert.status === "VALID" && (
          <RevokeCertAction certificateId={cert.id} keyShareIds={[cert.keyShare.id, ...cert.pair.map((p) => p.keyShareId).filter((id): id is string => Boolean(id))]} />
        )}
      </div>
    </>
  );
}
