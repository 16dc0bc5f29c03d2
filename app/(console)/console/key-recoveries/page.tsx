import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/console/format";
import { KeyRecoveryDecision } from "@/components/console/key-recovery-decision";
import styles from "@/components/console/console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listKeyRecoveries } from "@/lib/server/escrow/list-key-recoveries";
import { decideKeyRecoveryAction } from "@/lib/actions/escrow/key-recovery-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.recoveries.metaTitle") };
}

/** The holder's name from the certificate's subject (the DN's other attributes are long and not for deciding). */
function commonName(dn: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(dn)?.[1] ?? dn;
}

const STATUSES = ["REQUESTED", "APPROVED", "REJECTED", "DELIVERED", "INSTALLED", "CANCELLED"] as const;

export default async function KeyRecoveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser({ permission: "keys.recover", next: "/console/key-recoveries" });
  const t = await getT();
  const q = await searchParams;
  const status = q.status && ([...STATUSES, "all"] as readonly string[]).includes(q.status) ? q.status : "REQUESTED";
  const { recoveries, total } = await listKeyRecoveries({ user, filter: { status } });
  const options = [...STATUSES.map((s) => ({ value: s, label: t(`review.recoveries.status.${s}`) })), { value: "all", label: t("review.common.all") }];
  return (
    <div className={styles.page}>
      <PageHeader title={t("review.recoveries.title")} description={t("review.recoveries.lead")} />
      <form method="get" className={styles.filters}>
        <label>
          {t("review.recoveries.state")}
          <Select name="status" defaultValue={status} options={options} />
        </label>
        <div className={styles.filterActions}>
          <Button type="submit" variant="secondary">{t("review.common.filter")}</Button>
          <ButtonLink href="/console/key-recoveries" variant="ghost">{t("review.common.reset")}</ButtonLink>
        </div>
      </form>
      <p className={styles.meta}>{t("review.recoveries.count", { count: total })}</p>
      {recoveries.length === 0 ? (
        <p className={styles.muted}>{t("review.recoveries.empty")}</p>
      ) : (
        <Table
          caption={t("review.recoveries.title")}
          isCaptionHidden
          rows={recoveries}
          rowKey={(r) => r.id}
          columns={[
            { key: "at", header: t("review.recoveries.requestedAt"), cell: (r) => formatDateTime(r.createdAt, t.locale) },
            { key: "holder", header: t("review.recoveries.holder"), cell: (r) => <span className={styles.mono}>{r.holder}</span> },
            {
              key: "cert",
              header: t("review.recoveries.certificate"),
              cell: (r) =>
                r.certificate ? (
                  <>
                    {commonName(r.certificate.subjectDn)}
                    <br />
                    <span className={`${styles.mono} ${styles.muted}`}>{r.certificate.serialHex}</span>
                  </>
                ) : (
                  "—"
                ),
            },
            {
              key: "status",
              header: t("review.recoveries.state"),
              cell: (r) => (
                <>
                  {t(`review.recoveries.status.${r.status}`)}
                  {r.decidedAt && <><br /><span className={styles.muted}>{t("review.recoveries.decidedBy", { at: formatDateTime(r.decidedAt, t.locale), by: r.decidedBy ?? "—" })}</span></>}
                  {r.reason && <><br /><span className={styles.muted}>{r.reason}</span></>}
                </>
              ),
            },
            {
              key: "decision",
              header: t("review.recoveries.decision"),
              cell: (r) => (r.status === "REQUESTED" && r.userId !== user.id ? <KeyRecoveryDecision recoveryId={r.id} decide={decideKeyRecoveryAction} /> : "—"),
            },
          ]}
        />
      )}
    </div>
  );
}
