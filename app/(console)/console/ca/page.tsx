import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listCertificateAuthorities } from "@/lib/server/ca/list-certificate-authorities";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.ca.metaTitle") };
}

export default async function CaPage() {
  const user = await requirePageUser({ permission: "ca.manage", next: "/console/ca" });
  const t = await getT();
  const cas = await listCertificateAuthorities({ user });
  const at = (d: Date | null | undefined) => formatDateTime(d, t.locale);
  return (
    <div className={styles.page}>
      <PageHeader title={t("review.ca.title")} description={t("review.ca.lead")} />
      {cas.length === 0 ? (
        <EmptyState title={t("review.ca.empty")} description={t("review.ca.emptyBody")} />
      ) : (
        <div className={styles.stack}>
          {cas.map((ca) => (
            <Card
              key={ca.id}
              title={<>{t(`review.ca.kind.${ca.kind}`)} · {ca.name}</>}
              actions={
                <span className={styles.inlineActions}>
                  <Badge tone={ca.active ? "success" : "neutral"}>{ca.active ? t("review.ca.active") : t("review.ca.inactive")}</Badge>
                  {ca.kind !== "OCSP" && <a href={`/pki/ca/${ca.id}.pem`}>{t("review.ca.download")}</a>}
                </span>
              }
              data-testid={`ca-${ca.kind}`}
            >
              <dl className={styles.dl}>
                <dt>{t("review.ca.subject")}</dt>
                <dd className={styles.mono}>{ca.subjectDn}</dd>
                <dt>{t("review.ca.serial")}</dt>
                <dd className={styles.mono}>{ca.serialHex}</dd>
                <dt>{t("review.ca.validity")}</dt>
                <dd>{at(ca.notBefore)} — {at(ca.notAfter)}</dd>
                <dt>{t("review.ca.keyRef")}</dt>
                <dd className={styles.mono}>{ca.keyRef}</dd>
                {ca.kind !== "OCSP" && (
                  <>
                    <dt>{t("review.ca.crl")}</dt>
                    <dd>
                      {ca.crl ? (
                        <>
                          {t("review.ca.crlNumber", { n: ca.crl.number.toString() })} ·{" "}
                          <Badge tone={ca.isCrlStale ? "danger" : "success"}>{ca.isCrlStale ? t("review.ca.crlStale") : t("review.ca.crlFresh")}</Badge>
                          <div className={styles.muted}>
                            {t("review.ca.thisUpdate")} {at(ca.crl.thisUpdate)} · {t("review.ca.nextUpdate")} {at(ca.crl.nextUpdate)} · <a href={`/pki/crl/${ca.id}.crl`}>CRL</a>
                          </div>
                        </>
                      ) : (
                        t("review.ca.noCrl")
                      )}
                    </dd>
                    <dt>{t("review.ca.issued")}</dt>
                    <dd>{t("review.ca.issuedCounts", ca.issued)}</dd>
                  </>
                )}
              </dl>
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}
