import type { Metadata } from "next";
import { Button, ButtonLink } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { AuditVerifyButton } from "@/components/console/audit-verify-button";
import { formatDateTime } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listAuditLog } from "@/lib/server/audit/list-audit-log";
import { auditActionLabelKey } from "@/lib/server/audit/audit-action-label";
import { verifyAuditChainAction } from "@/lib/actions/audit/audit-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.audit.metaTitle") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser({ permission: "audit.read", next: "/console/audit" });
  const t = await getT();
  const q = await searchParams;
  const { rows, nextBefore, filter } = await listAuditLog({
    user,
    filter: { targetType: q.targetType || undefined, targetId: q.targetId || undefined, actor: q.actor || undefined, before: q.before || undefined },
  });
  const more = new URLSearchParams(Object.entries({ ...q, before: nextBefore ?? "" }).filter(([, v]) => v) as Array<[string, string]>);
  return (
    <div className={styles.page}>
      <PageHeader title={t("review.audit.title")} description={t("review.audit.lead")} actions={<AuditVerifyButton verify={verifyAuditChainAction} />} />
      <form method="get" className={styles.filters}>
        <label>
          {t("review.audit.targetType")}
          <Input name="targetType" defaultValue={filter.targetType ?? ""} placeholder="Order" />
        </label>
        <label>
          {t("review.audit.targetId")}
          <Input name="targetId" defaultValue={filter.targetId ?? ""} />
        </label>
        <label>
          {t("review.audit.actor")}
          <Input name="actor" defaultValue={filter.actor ?? ""} />
        </label>
        <div className={styles.filterActions}>
          <Button type="submit" variant="secondary">{t("review.common.filter")}</Button>
          <ButtonLink href="/console/audit" variant="ghost">{t("review.common.reset")}</ButtonLink>
        </div>
      </form>
      <Table
        caption={t("review.audit.title")}
        isCaptionHidden
        rows={rows}
        rowKey={(r) => r.id.toString()}
        empty={<p className={styles.muted}>{t("review.audit.empty")}</p>}
        columns={[
          { key: "id", header: "#", cell: (r) => <span className={styles.mono}>{r.id.toString()}</span> },
          { key: "at", header: t("review.audit.at"), cell: (r) => formatDateTime(r.at, t.locale) },
          { key: "actor", header: t("review.audit.actor"), cell: (r) => (r.actor ? <a href={`/console/audit?actor=${r.actorId}`}>{r.actor.name ?? r.actor.phone}</a> : t("review.audit.system")) },
          {
            key: "action",
            header: t("review.audit.action"),
            cell: (r) => {
              const label = auditActionLabelKey(r.action);
              return (
                <>
                  {label && <div>{t(label)}</div>}
                  <span className={styles.mono}>{r.action}</span>
                </>
              );
            },
          },
          { key: "target", header: t("review.audit.target"), cell: (r) => <a className={styles.mono} href={`/console/audit?targetType=${r.targetType}&targetId=${r.targetId}`}>{r.targetType}:{r.targetId.slice(0, 12)}</a> },
          { key: "data", header: t("review.audit.data"), cell: (r) => <pre className={styles.json}>{JSON.stringify(r.data)}</pre> },
          { key: "hash", header: t("review.audit.hash"), cell: (r) => <span className={styles.mono} title={r.hash}>{r.hash.slice(0, 10)}…</span> },
        ]}
      />
      {nextBefore && (
        <p style={{ marginTop: "1rem" }}>
          <ButtonLink href={`/console/audit?${more.toString()}`} variant="outline">{t("review.common.loadMore")}</ButtonLink>
        </p>
      )}
    </div>
  );
}
