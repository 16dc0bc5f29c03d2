import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { orderEventLabel, isNoteShown } from "@/components/orders/order-event-label";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/console/format";
import { MaterialViewer } from "@/components/console/material-viewer";
import { ReviewDecisionForm } from "@/components/console/review-decision-form";
import { DetailRows } from "@/components/console/detail-rows";
import { ChangeRowsTable } from "@/components/wizard/change-rows-table";
import styles from "@/components/console/console.module.css";
import { formatFen } from "@/components/orders/format-fen";
import { AppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getT } from "@/lib/i18n/server";
import { hasMessage } from "@/lib/i18n/translate";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getReviewOrder } from "@/lib/server/reviews/get-review-order";
import { approveOrderAction, receivePaperAction, rejectOrderAction } from "@/lib/actions/reviews/review-actions";
import { findWizard, wizardSteps } from "@/lib/server/orders/wizard-steps";
import { REJECT_STEPS, type TRejectStep } from "@/lib/server/reviews/review.types";

type Params = { params: Promise<{ orderId: string }> };

async function load(orderId: string) {
  const user = await requirePageUser({ permission: "orders.review", next: `/console/reviews/${orderId}` });
  try {
    return { user, order: await getReviewOrder({ user, orderId }) };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  const { order } = await load((await params).orderId);
  return { title: t("review.order.metaTitle", { no: order.no }) };
}

const CHECK_TONE: Record<string, BadgeTone> = { PASSED: "success", FAILED: "danger", PENDING: "warning", EXPIRED: "neutral" };

export default async function ReviewOrderPage({ params }: Params) {
  const { orderId } = await params;
  const { order } = await load(orderId);
  const t = await getT();
  const at = (d: Date | null | undefined) => formatDateTime(d, t.locale);
  const { draft } = order;
  const channelName = t.locale === "en" && order.channel.nameEn ? order.channel.nameEn : order.channel.name;
  const isReviewable = order.status === "IN_REVIEW";
  const isPaper = order.status === "AWAITING_PAPER";
  // Catalogue labels where there is one; anything else (an older row's key or value) as stored.
  const label = (key: string, fallback: string) => (hasMessage(key) ? t(key as MessageKey) : fallback);
  const idType = (v?: string) => (v ? label(`wizard.idType.${v}`, v) : "");
  const providerName = (p: string) => label(`review.provider.${p}`, p);
  const paymentMethodName = (m: string) => label(`payments.method.${m}`, m);
  const evidenceLabel = (k: string) => label(`review.evidence.${k}`, k);

  // A change shows the new details it asks for (the Organization keeps the old ones until the new pair is issued).
  const reg = order.kind === "CHANGE" ? null : order.org;
  const hasSignStep = findWizard(order)?.steps.some((s) => s.slug === "sign") ?? true;
  const subjectRows: Array<[string, ReactNode]> =
    order.subjectType === "UNIT"
      ? [
          // The registered enterprise (Organization) once the order references it; the draft before that.
          [t("review.order.unitName"), reg?.name ?? draft.enterprise?.name ?? order.subjectName],
          [t("review.order.uscc"), <span className={styles.mono} key="u">{reg?.uscc ?? draft.enterprise?.uscc ?? order.subjectKey}</span>],
          [t("review.order.legalRep"), reg?.legalRepName ?? draft.enterprise?.legalRepName],
          [t("review.order.legalRepId"), <span className={styles.mono} key="i">{reg?.legalRepIdNumber ?? draft.enterprise?.legalRepIdNumber}</span>],
          [t("review.order.legalRepPhone"), reg?.legalRepPhone ?? draft.enterprise?.legalRepPhone],
          ...(order.orgRequest
            ? ([[t("review.order.orgRequest"), t(order.orgRequest.kind === "JOIN" ? "review.order.orgRequestJoin" : "review.order.orgRequestCert")]] as Array<[string, ReactNode]>)
            : []),
        ]
      : [
          [t("review.order.name"), draft.person?.name ?? order.subjectName],
          [t("review.order.idType"), idType(draft.person?.idType)],
          [t("review.order.idNumber"), <span className={styles.mono} key="i">{draft.person?.idNumber ?? order.subjectKey}</span>],
          [t("review.order.phone"), draft.person?.phone],
          [t("review.order.email"), draft.person?.email],
        ];
  const handler = draft.handler;

  return (
    <div className={styles.page}>
      <PageHeader
        title={t("review.order.title", { no: order.no })}
        description={t("review.order.lead", { channel: channelName, submittedAt: at(order.submittedAt) })}
        breadcrumbsLabel={t("review.order.crumbs")}
        breadcrumbs={[{ label: t("review.queue.title"), href: "/console/reviews" }, { label: order.no }]}
        actions={<Badge tone={isReviewable ? "info" : order.status === "REJECTED" ? "danger" : "success"}>{t(`orders.status.${order.status}`)}</Badge>}
      />
      <div className={styles.columns}>
        <div className={styles.stack}>
          {order.change && (
            <Card title={t("lifecycleChange.review.title")} description={t("lifecycleChange.review.lead", { serial: order.change.serialHex })}>
              <div data-testid="review-change">
                <ChangeRowsTable rows={order.change.rows} t={t} />
              </div>
            </Card>
          )}
          {order.reissue && (
            <Card title={t("lifecycleReissue.review.title")} description={t("lifecycleReissue.review.lead", { serial: order.reissue.serialHex })}>
              <p data-testid="review-reissue">{t("lifecycleReissue.review.recovery", { status: order.reissue.recoveryStatus ? t(`phone.recovery.status.${order.reissue.recoveryStatus}`, { reason: "" }) : "—" })}</p>
            </Card>
          )}
          <Card title={t("review.order.subject")}>
            <DetailRows rows={subjectRows} />
            {handler && (
              <>
                <h3 className={styles.subhead}>{t("review.order.handler")}</h3>
                <DetailRows
                  rows={[
                    [t("review.order.name"), handler.name],
                    [t("review.order.idType"), idType(handler.idType)],
                    [t("review.order.idNumber"), <span className={styles.mono} key="h">{handler.idNumber}</span>],
                    [t("review.order.phone"), handler.phone],
                    [t("review.order.email"), handler.email],
                    [t("review.order.isLegalRep"), handler.isLegalRep ? t("review.common.yes") : t("review.common.no")],
                  ]}
                />
              </>
            )}
            <h3 className={styles.subhead}>{t("review.order.applicant")}</h3>
            <DetailRows rows={[[t("review.order.phone"), order.user.phone], [t("review.order.name"), order.user.name]]} />
          </Card>

          <Card title={t("review.order.checks")}>
            {order.identityChecks.length === 0 ? (
              <p className={styles.muted}>{t("review.order.noChecks")}</p>
            ) : (
              // A list, not a six-column table: the card is a third of the page, and the columns wrapped a word per line.
              <ul className={styles.checkList} aria-label={t("review.order.checks")}>
                {order.identityChecks.map((c) => (
                  <li key={c.id} className={styles.checkItem} data-testid="identity-check">
                    <div className={styles.checkHead}>
                      <strong>{t(`identity.method.${c.method}`)}</strong>
                      <span className={styles.muted}>{t(`identity.role.${c.role}`)}</span>
                      <Badge tone={CHECK_TONE[c.status]}>{t(`identity.status.${c.status}`)}</Badge>
                      <span className={styles.muted}>{at(c.completedAt ?? c.createdAt)}</span>
                    </div>
                    {c.failReason && <div>{c.failReason}</div>}
                    <div className={styles.muted}>
                      {Object.entries((c.subject ?? {}) as Record<string, string>).map(([k, v]) => `${evidenceLabel(k)}: ${k === "idType" ? idType(v) : v}`).join(" · ")}
                    </div>
                    <div className={`${styles.mono} ${styles.muted}`}>
                      {t("review.order.checkProvider")}: {providerName(c.provider)}
                      {c.providerRef ? ` / ${c.providerRef}` : ""}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title={t("review.order.materials")}>
            {order.materials.length === 0 ? (
              <p className={styles.muted}>{t("review.order.noMaterials")}</p>
            ) : (
              <div className={styles.materials}>
                {order.materials.map((m) => {
                  const src = `/api/materials/${m.id}`;
                  const label = t(`materials.kind.${m.kind}`);
                  return (
                    <figure key={m.id} className={styles.material} data-testid={`material-${m.kind}`}>
                      <MaterialViewer src={src} mime={m.mime} label={label} zoomLabel={t("review.order.zoom")} openLabel={t("review.order.openOriginal")} />
                      <figcaption>
                        <span>{label}</span>
                        <a href={src} target="_blank" rel="noreferrer">{t("review.order.openOriginal")}</a>
                      </figcaption>
                    </figure>
                  );
                })}
              </div>
            )}
          </Card>

          <Card title={t("review.order.authorization")}>
            {order.authorizations.length === 0 ? (
              <p className={styles.muted}>{t("review.order.noAuthorization")}</p>
            ) : (
              order.authorizations.slice(0, 1).map((a) => (
                <div key={a.id} className={styles.stack}>
                  <DetailRows
                    rows={[
                      [t("review.order.authPhone"), a.phone],
                      [t("review.order.authStatus"), <Badge key="s" tone={a.status === "SIGNED" ? "success" : "warning"}>{t(`review.authStatus.${a.status}`)}</Badge>],
                      [t("review.order.authSignedAt"), at(a.signedAt)],
                      [t("review.order.agreementHash"), <span className={styles.mono} key="h">{a.signatureHash}</span>],
                    ]}
                  />
                  <details>
                    <summary>{t("review.order.authLetter")}</summary>
                    <p style={{ whiteSpace: "pre-wrap" }}>{a.letterText}</p>
                  </details>
                </div>
              ))
            )}
          </Card>

          <Card title={t("review.order.application")}>
            {order.signedAt ? (
              <DetailRows
                rows={[
                  [t("review.order.agreementVersion"), order.agreementVersion],
                  [t("review.order.agreementHash"), <span className={styles.mono} key="h" data-testid="agreement-hash">{order.agreementHash}</span>],
                  [t("review.order.signedAt"), at(order.signedAt)],
                ]}
              />
            ) : (
              // A kind whose wizard has no 签署 step (证书变更, 吊销) has nothing to sign: say so, not 尚未签署.
              <p className={styles.muted} data-testid="application-signature">
                {hasSignStep ? t("review.order.notSigned") : t("review.order.signNotApplicable")}
              </p>
            )}
            <h3 className={styles.subhead}>{t("review.order.goods")}</h3>
            <DetailRows
              rows={[
                [t("review.order.years"), order.years ? t("review.order.yearsValue", { n: order.years }) : null],
                [t("review.order.medium"), t(`orders.medium.${order.medium}`)],
                [t("review.order.withSeal"), order.withSeal ? t("review.common.yes") : t("review.common.no")],
                [t("review.order.platform"), order.platform ? (t.locale === "en" && order.platform.nameEn ? order.platform.nameEn : order.platform.name) : null],
                [t("review.order.price"), order.priceFen === null ? null : formatFen(order.priceFen)],
              ]}
            />
          </Card>

          <Card title={t("review.order.payments")} padding="none">
            <Table
              caption={t("review.order.payments")}
              isCaptionHidden
              rows={order.payments}
              rowKey={(p) => p.id}
              empty={<p className={styles.muted} style={{ padding: "1rem" }}>{t("review.order.noPayments")}</p>}
              columns={[
                { key: "a", header: t("review.order.price"), cell: (p) => formatFen(p.amountFen) },
                { key: "s", header: t("review.order.authStatus"), cell: (p) => <Badge tone={p.status === "SUCCEEDED" ? "success" : "neutral"}>{t(`review.paymentStatus.${p.status}`)}</Badge> },
                { key: "v", header: t("review.order.checkProvider"), cell: (p) => <span className={styles.mono}>{t("review.order.paidVia", { provider: providerName(p.provider), method: p.method ? paymentMethodName(p.method) : "—" })}{p.providerRef ? ` / ${p.providerRef}` : ""}</span> },
                { key: "t", header: t("review.order.checkTime"), cell: (p) => at(p.paidAt ?? p.createdAt) },
              ]}
            />
          </Card>
        </div>

        <div className={`${styles.stack} ${styles.sticky}`}>
          <Card title={t("review.order.decide")}>
            <div className={styles.stack}>
              {order.approvalsNeeded === 2 && <Alert tone="info" isLive={false}>{t("review.order.fourEyes", { approvals: order.approvals })}</Alert>}
              {order.isReviewedByMe && isReviewable && <Alert tone="warning" isLive={false}>{t("review.order.reviewedByMe")}</Alert>}
              {!isReviewable && !isPaper && <Alert tone="info" isLive={false}>{t("review.order.notReviewable", { status: t(`orders.status.${order.status}`) })}</Alert>}
              {order.rejectReason && order.status === "REJECTED" && <Alert tone="error" isLive={false}>{order.rejectReason}</Alert>}
              <ReviewDecisionForm
                orderId={order.id}
                canApprove={isReviewable && !order.isReviewedByMe}
                canReject={(isReviewable || isPaper) && !order.isReviewedByMe}
                canReceivePaper={isPaper}
                approve={approveOrderAction}
                reject={rejectOrderAction}
                receivePaper={receivePaperAction}
                rejectSteps={(findWizard(order) ? wizardSteps(order) : []).filter((s): s is TRejectStep => (REJECT_STEPS as readonly string[]).includes(s)).map((s) => ({ value: s, label: t(`wizard.steps.${s}`) }))}
              />
            </div>
          </Card>
          <Card title={t("review.order.reviews")}>
            {order.reviews.length === 0 ? (
              <p className={styles.muted}>{t("review.common.none")}</p>
            ) : (
              <ol className={styles.timeline}>
                {order.reviews.map((r) => (
                  <li key={r.id}>
                    <Badge tone={r.decision === "APPROVE" ? "success" : "danger"}>{t(r.decision === "APPROVE" ? "review.order.decisionAPPROVE" : "review.order.decisionREJECT")}</Badge>{" "}
                    {r.reviewerName} · {t("review.order.round", { n: r.round + 1 })} · {at(r.createdAt)}
                    {r.reason && <div className={styles.muted}>{r.reason}</div>}
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <Card title={t("review.order.timeline")}>
            <ol className={styles.timeline}>
              {order.events.map((e) => (
                <li key={e.id}>
                  <strong>{orderEventLabel(t, e.type)}</strong>
                  {e.toStatus && <> <Badge tone="neutral">{t(`orders.status.${e.toStatus}`)}</Badge></>} · {at(e.at)}
                  {e.note && isNoteShown(e.type) && <div className={styles.muted}>{e.note}</div>}
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </div>
  );
}
