import type { T } from "@/lib/i18n/translate";
import type { TAuthorizationList } from "@/lib/server/org/list-authorizations";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { AuthorizationRevokeButton } from "./authorization-revoke-button";

type Row = TAuthorizationList["history"][number];

/** 授权管理's three views: by person, by platform (ACTIVE rows, grouped), and the history with revoked rows. */
export function AuthorizationTables({ orgId, list, view, t, locale }: { orgId: string; list: TAuthorizationList; view: "person" | "platform" | "history"; t: T; locale: string }) {
  const when = (iso: string | null) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(iso)) : "—");
  const platformName = (p: Row["platform"]) => (locale === "en" ? (p.nameEn ?? p.name) : p.name);
  const memberName = (m: Row["member"]) => `${m.name}（${m.phone}）${m.isActive ? "" : t("orgRequests.authorizations.memberLeft")}`;
  const revoke = { key: "revoke", header: "", isLabelHiddenOnPhone: true, align: "end" as const, cell: (r: Row) => (list.canManage && r.status === "ACTIVE" ? <AuthorizationRevokeButton orgId={orgId} authorizationId={r.id} /> : null) };
  const empty = <EmptyState title={t("orgRequests.authorizations.empty")} />;
  if (view === "history") {
    return (
      <Table<Row>
        rows={list.history}
        rowKey={(r) => r.id}
        empty={empty}
        columns={[
          { key: "member", header: t("orgRequests.authorizations.member"), cell: (r) => memberName(r.member) },
          { key: "platform", header: t("orgRequests.authorizations.platform"), cell: (r) => platformName(r.platform) },
          { key: "status", header: t("orgRequests.authorizations.status"), cell: (r) => <Badge tone={r.status === "ACTIVE" ? "success" : "neutral"}>{t(r.status === "ACTIVE" ? "orgRequests.authorizations.active" : "orgRequests.authorizations.revoked")}</Badge> },
          { key: "granted", header: t("orgRequests.authorizations.grantedAt"), cell: (r) => `${when(r.grantedAt)} · ${r.grantedBy}${r.signed ? ` · ${t("orgRequests.authorizations.signedYes")}` : ""}` },
          { key: "revoked", header: t("orgRequests.authorizations.revokedAt"), cell: (r) => (r.revokedAt ? `${when(r.revokedAt)} · ${r.revokedBy ?? ""}` : "—") },
        ]}
      />
    );
  }
  const groups = view === "person" ? list.byPerson.map((g) => ({ key: g.member.userId, title: memberName(g.member), rows: g.authorizations })) : list.byPlatform.map((g) => ({ key: g.platform.id, title: platformName(g.platform), rows: g.authorizations }));
  if (groups.length === 0) return empty;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: "var(--space-4)" }} data-testid={`authorizations-by-${view}`}>
      {groups.map((g) => (
        <section key={g.key} data-testid="authorization-group">
          <h3 style={{ margin: "0 0 var(--space-2)", fontSize: "var(--text-md)" }}>{g.title}</h3>
          <Table<Row>
            rows={g.rows}
            rowKey={(r) => r.id}
            columns={[
              view === "person"
                ? { key: "platform", header: t("orgRequests.authorizations.platform"), cell: (r) => platformName(r.platform) }
                : { key: "member", header: t("orgRequests.authorizations.member"), cell: (r) => memberName(r.member) },
              { key: "granted", header: t("orgRequests.authorizations.grantedAt"), cell: (r) => when(r.grantedAt) },
              { key: "by", header: t("orgRequests.authorizations.grantedBy"), cell: (r) => r.grantedBy },
              revoke,
            ]}
          />
        </section>
      ))}
    </div>
  );
}
