import type { MessageKey } from "@/lib/i18n/catalogue";
import type { T } from "@/lib/i18n/translate";
import type { TSealRow } from "@/lib/server/seals/list-seals";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { SealGrants } from "./seal-grants";
import { SealRowActions } from "./seal-row-actions";
import { sealReapplyHref } from "./seal-reapply";
import styles from "./seals.module.css";

const TONE: Record<string, BadgeTone> = { AWAITING_IMAGE: "warning", PENDING_REVIEW: "info", APPROVED: "success", REJECTED: "danger", CANCELLED: "neutral", VOIDED: "neutral" };

/** A certificate holder's name and the serial's start, as 授权使用 lists them. */
export function holderLabel(t: T, c: { serialHex: string; subjectName: string; user: { name: string | null; realName: string | null } | null }) {
  return t("sealGrants.holder", { name: c.user?.realName ?? c.user?.name ?? c.subjectName, serial: c.serialHex.slice(0, 12) });
}

/**
 * Seals with their processed picture, certificate, status (and why: rejection or void reason) and, for makers, the actions.
 * `grants` (the enterprise's seal page): who may use each APPROVED seal, and for seals.manage 授权使用 among `grants.candidates`.
 */
export function SealTable({ seals, t, canManage, caption, grants }: { seals: TSealRow[]; t: T; canManage: boolean; caption: string; grants?: { orgId: string; candidates: Array<{ certificateId: string; label: string }> } }) {
  return (
    <Table
      caption={caption}
      isCaptionHidden
      rows={seals}
      rowKey={(s) => s.id}
      empty={<EmptyState title={t("seals.hub.empty")} />}
      columns={[
        {
          key: "picture",
          header: t("seals.columns.picture"),
          width: "88px",
          // eslint-disable-next-line @next/next/no-img-element -- a same-origin, access-checked picture
          cell: (s) => (s.status === "AWAITING_IMAGE" ? "—" : <img className={styles.thumb} src={`/api/seals/${s.id}/image?which=processed`} alt={s.name} />),
        },
        { key: "name", header: t("seals.columns.name"), cell: (s) => <>{s.name}<br /><span className={styles.muted}>{t(`seals.kinds.${s.kind}` as MessageKey)} · {t(`seals.sources.${s.source}` as MessageKey)}</span></> },
        { key: "cert", header: t("seals.columns.certificate"), cell: (s) => (s.certificate ? <span className={styles.mono}>{s.certificate.serialHex.slice(0, 16)}</span> : "—") },
        {
          key: "status",
          header: t("seals.columns.status"),
          cell: (s) => (
            <span data-testid={`seal-status-${s.id}`}>
              <Badge tone={TONE[s.status] ?? "neutral"}>{t(`seals.statuses.${s.status}` as MessageKey)}</Badge>
              {s.status === "REJECTED" && s.rejectReason && <span className={styles.muted}><br />{s.rejectReason}</span>}
              {s.status === "VOIDED" && s.voidReason && <span className={styles.muted}><br />{t(`seals.voidReasons.${s.voidReason}` as MessageKey)}</span>}
            </span>
          ),
        },
        ...(grants
          ? [
              {
                key: "grants",
                header: t("sealGrants.column"),
                cell: (s: TSealRow) =>
                  s.status === "APPROVED" ? (
                    <SealGrants
                      orgId={grants.orgId}
                      sealId={s.id}
                      bound={s.certificate ? holderLabel(t, s.certificate) : null}
                      grants={s.grants.map((g) => ({ certificateId: g.certificateId, label: holderLabel(t, g.certificate) }))}
                      candidates={grants.candidates.filter((c) => c.certificateId !== s.certificate?.id)}
                      canManage={canManage}
                    />
                  ) : (
                    "—"
                  ),
              },
            ]
          : []),
        ...(canManage ? [{ key: "actions", header: t("seals.columns.actions"), isLabelHiddenOnPhone: true, cell: (s: TSealRow) => <SealActionsCell seal={s} t={t} /> }] : []),
      ]}
    />
  );
}

/** The maker's actions on a row, and 重新申请 (the maker of the same kind) for a seal voided by a certificate change. */
function SealActionsCell({ seal: s, t }: { seal: TSealRow; t: T }) {
  const reapply = sealReapplyHref(s, { isPhone: false });
  return (
    <>
      <SealRowActions sealId={s.id} status={s.status} isPersonal={!s.orgId} />
      {reapply && <ButtonLink href={reapply} size="sm" data-testid={`seal-reapply-${s.id}`}>{t("seals.actions.reapply")}</ButtonLink>}
    </>
  );
}
