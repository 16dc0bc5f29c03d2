import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/components/console/format";
import { DetailRows } from "@/components/console/detail-rows";
import styles from "@/components/console/console.module.css";
import orgStyles from "@/components/console/org-console.module.css";
import { AppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getT } from "@/lib/i18n/server";
import { hasMessage } from "@/lib/i18n/translate";
import { auditActionLabelKey } from "@/lib/server/audit/audit-action-label";
import { hasPermission } from "@/lib/server/auth/permissions";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleGetOrganization } from "@/lib/server/org/console-get-organization";

type Params = { params: Promise<{ id: string }> };

async function load(id: string) {
  const user = await requirePageUser({ permission: "orgs.view", next: `/console/orgs/${id}` });
  try {
    return { user, org: await consoleGetOrganization({ user, orgId: id }) };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  const { org } = await load((await params).id);
  return { title: t("orgConsole.detail.metaTitle", { name: org.name }) };
}

const CERT_TONE: Record<string, BadgeTone> = { VALID: "success", REVOKED: "danger", EXPIRED: "neutral" };
const REQUEST_TONE: Record<string, BadgeTone> = { APPROVED: "success", REJECTED: "danger", CANCELLED: "neutral" };

export default async function ConsoleOrgPage({ params }: Params) {
  const { id } = await params;
  const { user, org } = await load(id);
  const t = await getT();
  const at = (d: Date | null | undefined) => formatDateTime(d, t.locale);
  const label = (key: string, fallback: string) => (hasMessage(key) ? t(key as MessageKey) : fallback);
  const platformName = (p: { name: string; nameEn: string | null }) => (t.locale === "en" && p.nameEn ? p.nameEn : p.name);
  const canReview = hasPermission(user.role, "orgs.review");
  const sections = [
    ["basic", t("orgConsole.detail.basic")],
    ["members", `${t("orgConsole.detail.members")} (${org.members.filter((m) => m.status === "ACTIVE").length})`],
    ["certificates", `${t("orgConsole.detail.certificates")} (${org.certificates.length})`],
    ["requests", `${t("orgConsole.detail.requests")} (${org.requests.length})`],
    ["authorizations", `${t("orgConsole.detail.authorizations")} (${org.authorizations.filter((a) => a.status === "ACTIVE").length})`],
    ["audit", t("orgConsole.detail.audit")],
  ] as const;
  const openRequests = org.requests.filter((r) => r.isOpen);
  const pastRequests = org.requests.filter((r) => !r.isOpen);
  const requestColumns = [
    { key: "kind", header: t("orgConsole.detail.kind"), cell: (r: (typeof org.requests)[number]) => t(`orgConsole.requestKind.${r.kind}`) },
    { key: "status", header: t("orgConsole.detail.status"), cell: (r: (typeof org.requests)[number]) => <Badge tone={REQUEST_TONE[r.status] ?? "info"}>{t(`orgConsole.requestStatus.${r.status}`)}</Badge> },
    { key: "requester", header: t("orgConsole.detail.requester"), cell: (r: (typeof org.requests)[number]) => r.requester ?? "—" },
    { key: "target", header: t("orgConsole.detail.target"), cell: (r: (typeof org.requests)[number]) => r.target ?? "—" },
    { key: "platforms", header: t("orgConsole.detail.platforms"), cell: (r: (typeof org.requests)[number]) => (r.platforms.length ? r.platforms.map(platformName).join("、") : "—") },
    { key: "at", header: t("orgConsole.detail.at"), cell: (r: (typeof org.requests)[number]) => at(r.createdAt) },
    {
      key: "decided",
      header: t("orgConsole.detail.decided"),
      cell: (r: (typeof org.requests)[number]) => (
        <>
          {r.decidedAt ? `${r.decidedBy ?? "—"} · ${at(r.decidedAt)}` : "—"}
          {r.reason && <div className={styles.muted}>{r.reason}</div>}
          {r.hasPaper && canReview && <div><Link href={`/console/org-requests/${r.id}`}>{t("orgConsole.detail.openRequest")}</Link></div>}
          {r.orderId && <div><Link href={`/console/reviews/${r.orderId}`}>{t("orgConsole.detail.order")}</Link></div>}
        </>
      ),
    },
  ];

  return (
    <div className={styles.page}>
      <PageHeader
        title={org.name}
        description={<span className={styles.mono}>{org.uscc}</span>}
        breadcrumbsLabel={t("orgConsole.detail.crumbs")}
        breadcrumbs={[{ label: t("orgConsole.list.title"), href: "/console/orgs" }, { label: org.name }]}
        actions={org.deletedAt ? <Badge tone="danger">{t("orgConsole.list.deleted")}</Badge> : <Badge tone={org.verifiedAt ? "success" : "neutral"}>{t(org.verifiedAt ? "orgConsole.list.verified" : "orgConsole.list.unverified")}</Badge>}
      />
      {org.deletedAt && <Alert tone="warning" isLive={false} data-testid="org-deleted">{t("orgConsole.detail.deletedNotice", { at: at(org.deletedAt) })}</Alert>}
      <nav aria-label={t("orgConsole.detail.sections")}>
        <ul className={orgStyles.sectionNav}>
          {sections.map(([key, text]) => (
            <li key={key}><a href={`#${key}`}>{text}</a></li>
          ))}
        </ul>
      </nav>
      <div className={styles.stack}>
        <Card id="basic" className={orgStyles.section} title={t("orgConsole.detail.basic")} headingLevel={2}>
          <DetailRows
            rows={[
              [t("orgConsole.detail.name"), org.name],
              [t("orgConsole.detail.uscc"), <span className={styles.mono} key="u">{org.uscc}</span>],
              [t("orgConsole.detail.legalRep"), org.legalRepName],
              [t("orgConsole.detail.legalRepId"), <span className={styles.mono} key="i">{label(`wizard.idType.${org.legalRepIdType}`, org.legalRepIdType)} {org.legalRepIdNumber}</span>],
              [t("orgConsole.detail.legalRepPhone"), org.legalRepPhone],
              [t("orgConsole.detail.address"), org.address],
              [t("orgConsole.detail.verifiedAt"), org.verifiedAt ? at(org.verifiedAt) : t("orgConsole.list.unverified")],
              [t("orgConsole.detail.createdAt"), at(org.createdAt)],
              [t("orgConsole.detail.updatedAt"), at(org.updatedAt)],
            ]}
          />
        </Card>

        <Card id="members" className={orgStyles.section} title={t("orgConsole.detail.members")} headingLevel={2} padding="none">
          <Table
            caption={t("orgConsole.detail.members")}
            isCaptionHidden
            rows={org.members}
            rowKey={(m) => m.id}
            empty={<p className={styles.muted} style={{ padding: "1rem" }}>{t("orgConsole.detail.noMembers")}</p>}
            columns={[
              { key: "name", header: t("orgConsole.detail.memberName"), cell: (m) => m.name ?? "—" },
              { key: "phone", header: t("orgConsole.detail.phone"), cell: (m) => <span className={styles.mono}>{m.phone}</span> },
              { key: "role", header: t("orgConsole.detail.role"), cell: (m) => t(`orgConsole.roles.${m.role}`) },
              { key: "status", header: t("orgConsole.detail.status"), cell: (m) => <Badge tone={m.status === "ACTIVE" ? "success" : "neutral"}>{t(`orgConsole.memberStatus.${m.status}`)}</Badge> },
              { key: "joined", header: t("orgConsole.detail.joinedAt"), cell: (m) => at(m.joinedAt) },
              { key: "removed", header: t("orgConsole.detail.removedAt"), cell: (m) => (m.removedAt ? at(m.removedAt) : "—") },
            ]}
          />
        </Card>

        <Card id="certificates" className={orgStyles.section} title={t("orgConsole.detail.certificates")} headingLevel={2} padding="none">
          <Table
            caption={t("orgConsole.detail.certificates")}
            isCaptionHidden
            rows={org.certificates}
            rowKey={(c) => c.id}
            empty={<p className={styles.muted} style={{ padding: "1rem" }}>{t("orgConsole.detail.noCertificates")}</p>}
            columns={[
              { key: "serial", header: t("orgConsole.detail.serial"), cell: (c) => <span className={styles.mono}>{c.serialHex}</span> },
              { key: "usage", header: t("orgConsole.detail.usage"), cell: (c) => t(`orgConsole.certUsage.${c.usage}`) },
              { key: "holder", header: t("orgConsole.detail.holder"), cell: (c) => (c.holder ? <>{c.holder.name}<br /><span className={`${styles.mono} ${styles.muted}`}>{c.holder.phone}</span></> : "—") },
              { key: "status", header: t("orgConsole.detail.status"), cell: (c) => <><Badge tone={CERT_TONE[c.status]}>{t(`orgConsole.certStatus.${c.status}`)}</Badge>{c.revokedAt && <div className={styles.muted}>{at(c.revokedAt)}</div>}</> },
              { key: "validity", header: t("orgConsole.detail.validity"), cell: (c) => `${formatDate(c.notBefore, t.locale)} – ${formatDate(c.notAfter, t.locale)}` },
            ]}
          />
        </Card>

        <Card id="requests" className={orgStyles.section} title={t("orgConsole.detail.requests")} headingLevel={2}>
          {org.requests.length === 0 ? (
            <p className={styles.muted}>{t("orgConsole.detail.noRequests")}</p>
          ) : (
            <div className={styles.stack}>
              {openRequests.length > 0 && (
                <div>
                  <h3 className={styles.subhead}>{t("orgConsole.detail.openRequests")}</h3>
                  <Table caption={t("orgConsole.detail.openRequests")} isCaptionHidden rows={openRequests} rowKey={(r) => r.id} columns={requestColumns} />
                </div>
              )}
              {pastRequests.length > 0 && (
                <div>
                  <h3 className={styles.subhead}>{t("orgConsole.detail.pastRequests")}</h3>
                  <Table caption={t("orgConsole.detail.pastRequests")} isCaptionHidden rows={pastRequests} rowKey={(r) => r.id} columns={requestColumns} />
                </div>
              )}
            </div>
          )}
        </Card>

        <Card id="authorizations" className={orgStyles.section} title={t("orgConsole.detail.authorizations")} headingLevel={2} padding="none">
          <Table
            caption={t("orgConsole.detail.authorizations")}
            isCaptionHidden
            rows={org.authorizations}
            rowKey={(a) => a.id}
            empty={<p className={styles.muted} style={{ padding: "1rem" }}>{t("orgConsole.detail.noAuthorizations")}</p>}
            columns={[
              { key: "member", header: t("orgConsole.detail.member"), cell: (a) => <>{a.member}<br /><span className={`${styles.mono} ${styles.muted}`}>{a.memberPhone}</span></> },
              { key: "platform", header: t("orgConsole.detail.platform"), cell: (a) => platformName(a.platform) },
              { key: "status", header: t("orgConsole.detail.status"), cell: (a) => <Badge tone={a.status === "ACTIVE" ? "success" : "neutral"}>{t(`orgConsole.authStatus.${a.status}`)}</Badge> },
              { key: "by", header: t("orgConsole.detail.grantedBy"), cell: (a) => <>{a.grantedBy ?? "—"}{a.signed && <div className={styles.muted}>{t("orgConsole.detail.signed")}</div>}</> },
              { key: "at", header: t("orgConsole.detail.grantedAt"), cell: (a) => <>{at(a.grantedAt)}{a.revokedAt && <div className={styles.muted}>{t("orgConsole.authStatus.REVOKED")} {at(a.revokedAt)}</div>}</> },
            ]}
          />
        </Card>

        <Card
          id="audit"
          className={orgStyles.section}
          title={t("orgConsole.detail.audit")}
          headingLevel={2}
          padding="none"
          actions={hasPermission(user.role, "audit.read") ? <Link href={`/console/audit?targetType=organization&targetId=${org.id}`}>{t("orgConsole.detail.moreAudit")}</Link> : undefined}
        >
          <Table
            caption={t("orgConsole.detail.audit")}
            isCaptionHidden
            rows={org.audit}
            rowKey={(r) => r.id}
            empty={<p className={styles.muted} style={{ padding: "1rem" }}>{t("orgConsole.detail.noAudit")}</p>}
            columns={[
              { key: "at", header: t("orgConsole.detail.at"), cell: (r) => at(r.at) },
              { key: "actor", header: t("orgConsole.detail.actor"), cell: (r) => r.actor ?? t("orgConsole.detail.system") },
              {
                key: "action",
                header: t("orgConsole.detail.action"),
                cell: (r) => {
                  const key = auditActionLabelKey(r.action);
                  return <>{key && <div>{t(key)}</div>}<span className={`${styles.mono} ${styles.muted}`}>{r.action}</span></>;
                },
              },
              { key: "data", header: t("orgConsole.detail.data"), cell: (r) => <pre className={styles.json}>{JSON.stringify(r.data)}</pre> },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
