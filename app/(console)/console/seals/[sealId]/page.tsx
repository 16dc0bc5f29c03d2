import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DetailRows } from "@/components/console/detail-rows";
import { formatDateTime } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import sealStyles from "@/components/seals/seals.module.css";
import { SealDecision } from "@/components/seals/seal-decision";
import { AppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleGetSeal } from "@/lib/server/seals/console-seals";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("seals.console.detailTitle") };
}

// 印章审核详情: owner, bound certificate, the original and the processed picture side by side, the decision.
export default async function ConsoleSealPage({ params }: { params: Promise<{ sealId: string }> }) {
  const { sealId } = await params;
  await requirePageUser({ permission: "seals.review", next: `/console/seals/${sealId}` });
  const t = await getT();
  const seal = await consoleGetSeal({ sealId }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <div className={styles.page}>
      <PageHeader title={seal.name} breadcrumbs={[{ label: t("seals.console.title"), href: "/console/seals" }, { label: t("seals.console.detailTitle") }]} />
      <Card>
        <DetailRows
          rows={[
            [t("seals.columns.status"), <Badge key="s" tone={seal.status === "APPROVED" ? "success" : seal.status === "REJECTED" ? "danger" : "info"}>{t(`seals.statuses.${seal.status}` as MessageKey)}</Badge>],
            [t("seals.columns.kind"), `${t(`seals.kinds.${seal.kind}` as MessageKey)} · ${t(`seals.sources.${seal.source}` as MessageKey)}`],
            [t("seals.console.owner"), seal.org ? `${seal.org.name}（${seal.org.uscc}）` : (seal.user?.realName ?? seal.user?.name ?? "—")],
            [t("seals.console.certificate"), seal.certificate ? `${seal.certificate.subjectName} · ${seal.certificate.serialHex} · ${t(`seals.statuses.${seal.certificate.status === "VALID" ? "APPROVED" : "VOIDED"}` as MessageKey)}` : "—"],
            [t("seals.console.size"), seal.widthMm ? `${seal.widthMm} × ${seal.heightMm} mm` : "—"],
            [t("seals.console.submittedAt"), formatDateTime(seal.submittedAt, t.locale)],
            ...(seal.replacesSealId ? [[t("seals.console.replaces"), seal.replacesSealId] as [string, string]] : []),
            ...(seal.esId ? [[t("seals.console.esId"), <span key="e" data-testid="seal-esid">{seal.esId}</span>] as [string, React.ReactNode], [t("seals.console.validity"), `${formatDateTime(seal.validFrom, t.locale)} – ${formatDateTime(seal.validTo, t.locale)}`] as [string, string]] : []),
            ...(seal.rejectReason ? [[t("seals.console.reason"), seal.rejectReason] as [string, string]] : []),
          ]}
        />
      </Card>
      {seal.imageKey && (
        <div className={sealStyles.compare} data-testid="seal-review-compare">
          <figure className={sealStyles.figure}>
            {/* eslint-disable-next-line @next/next/no-img-element -- access-checked, same-origin */}
            <img src={`/api/seals/${seal.id}/image?which=original`} alt={t("seals.maker.original")} />
            <figcaption>{t("seals.maker.original")}</figcaption>
          </figure>
          <figure className={`${sealStyles.figure} ${sealStyles.checker}`}>
            {/* eslint-disable-next-line @next/next/no-img-element -- access-checked, same-origin */}
            <img src={`/api/seals/${seal.id}/image?which=processed`} alt={t("seals.maker.processed")} />
            <figcaption>{t("seals.maker.processed")}</figcaption>
          </figure>
        </div>
      )}
      {seal.status === "PENDING_REVIEW" && (
        <Card title={t("seals.console.detailTitle")}>
          <SealDecision sealId={seal.id} />
        </Card>
      )}
    </div>
  );
}
