import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { CertRevokeForm } from "@/components/console/cert-revoke-form";
import { CertRefuseRevocationForm } from "@/components/console/cert-refuse-revocation-form";
import { formatDate, formatDateTime } from "@/components/console/format";
import { DetailRows } from "@/components/console/detail-rows";
import styles from "@/components/console/console.module.css";
import { AppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getT } from "@/lib/i18n/server";
import { hasPermission } from "@/lib/server/auth/permissions";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleGetCertificate } from "@/lib/server/certs/console-get-certificate";
import type { TRevokeReason } from "@/lib/server/certs/revoke-certificate.types";

type Params = { params: Promise<{ id: string }> };

async function load(id: string) {
  const user = await requirePageUser({ permission: "orders.viewAll", next: `/console/certificates/${id}` });
  try {
    return { user, detail: await consoleGetCertificate({ user, certificateId: id }) };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  const { detail } = await load((await params).id);
  return { title: `${t("lifecycleRevoke.console.detailTitle")} ${detail.certificate.serialHex}` };
}

const TONE: Record<string, BadgeTone> = { VALID: "success", REVOKED: "danger", EXPIRED: "neutral" };

const who = (p: { name: string | null; phone: string } | null | undefined) => (p ? p.name || p.phone : "—");

// /console/certificates/[id] — a certificate with its pair, history (orders, revocation, usage) and 吊销.
export default async function ConsoleCertificatePage({ params }: Params) {
  const { user, detail } = await load((await params).id);
  const t = await getT();
  const { certificate: c, pair, orders, usage, pending } = detail;
  const reasonLabel = (r: string | null) => (r && hasReason(r) ? t(`lifecycleRevoke.reasons.${r}` as MessageKey) : (r ?? "—"));
  return (
    <div className={styles.page}>
      <PageHeader
        title={c.subjectName}
        description={<span className={styles.mono}>{c.serialHex}</span>}
        breadcrumbs={[{ label: t("lifecycleRevoke.console.title"), href: "/console/certificates" }, { label: t("lifecycleRevoke.console.detailTitle") }]}
      />
      <div style={{ display: "grid", gap: "var(--space-4)" }}>
      <Card title={t("lifecycleRevoke.console.detailTitle")}>
        <DetailRows
          rows={[
            [t("lifecycleRevoke.console.status"), <Badge key="s" tone={TONE[c.status] ?? "neutral"}><span data-testid="cert-status">{t(`lifecycleRevoke.console.statuses.${c.status}`)}</span></Badge>],
            [t("lifecycleRevoke.console.usage"), t(`lifecycleRevoke.console.usages.${c.usage}`)],
            [t("lifecycleRevoke.console.subjectDn"), <span key="dn" className={styles.mono}>{c.subjectDn}</span>],
            [t("lifecycleRevoke.console.subjectKey"), <span key="k" className={styles.mono}>{c.order?.subjectKey ?? "—"}</span>],
            [t("lifecycleRevoke.console.holder"), c.user ? `${c.user.name ?? ""} ${c.user.phone}` : "—"],
            [t("lifecycleRevoke.console.org"), c.org ? <Link key="o" href={`/console/orgs/${c.org.id}`}>{c.org.name}</Link> : null],
            [t("lifecycleRevoke.console.channel"), c.order?.channel.name],
            [t("lifecycleRevoke.console.validity"), `${formatDate(c.notBefore, t.locale)} – ${formatDate(c.notAfter, t.locale)}`],
            [t("lifecycleRevoke.console.fingerprint"), <span key="f" className={styles.mono}>{c.fingerprint}</span>],
            [t("lifecycleRevoke.console.pair"), pair.map((p) => <div key={p.id}><Link href={`/console/certificates/${p.id}`} className={styles.mono}>{p.serialHex}</Link> · {t(`lifecycleRevoke.console.usages.${p.usage}`)} · {t(`lifecycleRevoke.console.statuses.${p.status}`)}</div>)],
          ]}
        />
      </Card>
      <Card title={t("lifecycleRevoke.console.revocation")}>
        {c.status === "REVOKED" && (
          <p data-testid="cert-revoked">
            {t("lifecycleRevoke.console.revokedAt", { at: formatDateTime(c.revokedAt, t.locale), reason: reasonLabel(c.revocationReasonName) })}
            {detail.revokedBy && <> · {t("lifecycleRevoke.console.revokedBy", { who: who(detail.revokedBy) })}</>}
          </p>
        )}
        {c.revocationRequests.length > 0 && (
          <ul data-testid="revocation-requests">
            {c.revocationRequests.map((r) => (
              <li key={r.id}>
                {t("lifecycleRevoke.console.requestLine", { who: who(r.requestedBy), at: formatDateTime(r.createdAt, t.locale), reason: reasonLabel(r.reason), status: t(`lifecycleRevoke.console.requestStatuses.${r.status}`) })}
                {r.note ? ` — ${r.note}` : ""}
              </li>
            ))}
          </ul>
        )}
        {c.status === "VALID" && hasPermission(user.role, "certs.revoke") && (
          <>
            {detail.isFourEyes && <Alert tone="info" isLive={false}>{t("lifecycleRevoke.console.fourEyes")}</Alert>}
            {pending && !detail.canConfirmPending ? (
              <Alert tone="info" data-testid="revoke-pending-own">{t("lifecycleRevoke.console.pendingOwn")}</Alert>
            ) : (
              <>
                {pending && <Alert tone="warning" isLive={false}>{t("lifecycleRevoke.console.pendingOther", { who: who(pending.requestedBy), reason: reasonLabel(pending.reason) })}</Alert>}
                <CertRevokeForm certificateId={c.id} pendingReason={(pending?.reason as TRevokeReason | undefined) ?? null} pendingRequestId={pending?.id ?? null} />
                {/* A holder's desk revocation request may also be refused (驳回), with a reason the holder reads. */}
                {pending?.orderId && <CertRefuseRevocationForm certificateId={c.id} requestId={pending.id} />}
              </>
            )}
          </>
        )}
      </Card>
      <Card title={t("lifecycleRevoke.console.history")}>
        {detail.supersededBy && (
          <p data-testid="cert-superseded-by" style={{ marginTop: 0, marginBottom: "var(--space-4)" }}>
            {t("lifecycleChange.history.supersededBy", { no: detail.supersededBy.orderNo, serial: detail.supersededBy.certificate?.serialHex ?? "—" })}
            {detail.supersededBy.certificate && <> <Link href={`/console/certificates/${detail.supersededBy.certificate.id}`}>→</Link></>}
          </p>
        )}
        {detail.changes && (
          <p data-testid="cert-changes" style={{ marginTop: 0, marginBottom: "var(--space-4)" }}>
            <Link href={`/console/certificates/${detail.changes.id}`}>{t("lifecycleChange.history.changes", { serial: detail.changes.serialHex })}</Link>
          </p>
        )}
        <Table
          caption={t("lifecycleRevoke.console.history")}
          isCaptionHidden
          rows={orders}
          rowKey={(o) => o.id}
          columns={[
            { key: "no", header: t("lifecycleRevoke.console.orderNo"), cell: (o) => <span className={styles.mono}>{o.no}</span> },
            { key: "kind", header: t("lifecycleRevoke.console.kind"), cell: (o) => t(`lifecycleRevoke.console.kinds.${o.kind}`) },
            { key: "status", header: t("lifecycleRevoke.console.orderStatus"), cell: (o) => t(`orders.status.${o.status}`) },
            { key: "created", header: t("lifecycleRevoke.console.createdAt"), cell: (o) => formatDateTime(o.createdAt, t.locale) },
          ]}
        />
      </Card>
      <Card title={t("lifecycleRevoke.console.usageRecords")}>
        <Table
          caption={t("lifecycleRevoke.console.usageRecords")}
          isCaptionHidden
          rows={usage}
          rowKey={(u) => u.id}
          empty={<p className={styles.muted}>{t("lifecycleRevoke.console.noUsage")}</p>}
          columns={[
            { key: "platform", header: t("lifecycleRevoke.console.platform"), cell: (u) => u.platformName },
            { key: "type", header: t("lifecycleRevoke.console.scanType"), cell: (u) => u.type },
            { key: "status", header: t("lifecycleRevoke.console.orderStatus"), cell: (u) => u.status },
            { key: "at", header: t("lifecycleRevoke.console.createdAt"), cell: (u) => formatDateTime(u.createdAt, t.locale) },
          ]}
        />
      </Card>
      </div>
    </div>
  );
}

const NAMES = new Set(["unspecified", "keyCompromise", "affiliationChanged", "superseded", "cessationOfOperation", "privilegeWithdrawn"]);
function hasReason(r: string): boolean {
  return NAMES.has(r);
}
