import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/components/console/format";
import { MaterialViewer } from "@/components/console/material-viewer";
import { OrgPaperDecision } from "@/components/console/org-paper-decision";
import { DetailRows } from "@/components/console/detail-rows";
import styles from "@/components/console/console.module.css";
import orgStyles from "@/components/console/org-console.module.css";
import { AppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleGetOrgRequest } from "@/lib/server/org/console-get-org-request";
import { decidePaperTransferAction } from "@/lib/actions/org/console-org-actions";

type Params = { params: Promise<{ id: string }> };

async function load(id: string) {
  const user = await requirePageUser({ permission: "orgs.review", next: `/console/org-requests/${id}` });
  try {
    return { user, request: await consoleGetOrgRequest({ user, requestId: id }) };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  await load((await params).id);
  return { title: t("orgConsole.request.metaTitle") };
}

const TONE: Record<string, BadgeTone> = { PENDING_CA: "info", APPROVED: "success", REJECTED: "danger" };

export default async function OrgRequestPage({ params }: Params) {
  const { id } = await params;
  const { request: r } = await load(id);
  const t = await getT();
  const at = (d: Date | null | undefined) => formatDateTime(d, t.locale);
  const isPending = r.status === "PENDING_CA";
  type Who = NonNullable<typeof r.from>;
  const personRows = (p: Who | null): Array<[string, ReactNode]> =>
    p
      ? [
          [t("orgConsole.detail.memberName"), p.name],
          [t("orgConsole.detail.phone"), <span className={styles.mono} key="p">{p.phone}</span>],
          [t("orgConsole.request.currentRole"), p.role ? t(`orgConsole.roles.${p.role}`) : <Badge tone="warning" key="r">{t("orgConsole.request.noRole")}</Badge>],
          [t("orgConsole.request.realName"), <Badge tone={p.verified ? "success" : "warning"} key="v">{t(p.verified ? "orgConsole.request.realNameYes" : "orgConsole.request.realNameNo")}</Badge>],
        ]
      : [];
  const paperLabel = t("orgConsole.request.paper");

  return (
    <div className={styles.page}>
      <PageHeader
        title={t("orgConsole.request.title", { org: r.org.name })}
        description={t("orgConsole.request.lead", { at: at(r.createdAt) })}
        breadcrumbsLabel={t("orgConsole.request.crumbs")}
        breadcrumbs={[{ label: t("orgConsole.queue.title"), href: "/console/org-requests" }, { label: r.org.name }]}
        actions={<Badge tone={TONE[r.status] ?? "neutral"}>{t(`orgConsole.requestStatus.${r.status}`)}</Badge>}
      />
      <div className={styles.columns}>
        <div className={styles.stack}>
          <Card title={paperLabel}>
            <div className={orgStyles.paper} data-testid="org-paper">
              {r.paper.mime === "image/jpeg" || r.paper.mime === "image/png" || r.paper.mime === "application/pdf" ? (
                <MaterialViewer src={r.paper.url} mime={r.paper.mime} label={paperLabel} zoomLabel={t("orgConsole.request.zoom")} />
              ) : null}
            </div>
            <p className={styles.muted}>
              <a href={r.paper.url} target="_blank" rel="noreferrer">{t("orgConsole.request.paperOpen")}</a>
              {r.paper.sha256 && <> · {t("orgConsole.request.paperSha")} <span className={styles.mono}>{r.paper.sha256}</span></>}
            </p>
          </Card>
          <Card title={t("orgConsole.request.fields")}>
            <DetailRows
              rows={[
                [t("orgConsole.request.org"), <Link href={`/console/orgs/${r.org.id}`} key="o">{r.org.name}</Link>],
                [t("orgConsole.request.uscc"), <span className={styles.mono} key="u">{r.org.uscc}</span>],
                [t("orgConsole.request.legalRep"), r.org.legalRepName],
              ]}
            />
            <h3 className={styles.subhead}>{t("orgConsole.request.from")}</h3>
            <DetailRows rows={personRows(r.from)} />
            <h3 className={styles.subhead}>{t("orgConsole.request.to")}</h3>
            <DetailRows rows={personRows(r.to)} />
          </Card>
        </div>
        <div className={`${styles.stack} ${styles.sticky}`}>
          <Card title={t("orgConsole.request.decide")}>
            <div className={styles.stack}>
              {r.org.deleted && <Alert tone="warning" isLive={false}>{t("orgConsole.request.deletedOrg")}</Alert>}
              {isPending && !r.requesterIsAdmin && <Alert tone="warning" isLive={false} data-testid="requester-not-admin">{t("orgConsole.request.requesterNotAdmin")}</Alert>}
              {!isPending && (
                <Alert tone={r.status === "REJECTED" ? "error" : "info"} isLive={false} data-testid="decided">
                  {t("orgConsole.request.decidedNotice", { status: t(`orgConsole.requestStatus.${r.status}`), by: r.decidedBy ?? "—", at: at(r.decidedAt) })}
                  {r.reason && <div>{r.reason}</div>}
                </Alert>
              )}
              {isPending && <OrgPaperDecision requestId={r.id} canApprove={r.requesterIsAdmin && !r.org.deleted} decide={decidePaperTransferAction} />}
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
