import type { MessageKey } from "@/lib/i18n/catalogue";
import type { T } from "@/lib/i18n/translate";
import type { TGrantedSeal } from "@/lib/server/seals/list-seals";
import { formatDate } from "@/components/console/format";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import styles from "./seals.module.css";

/**
 * 企业授权 on a seal the holder uses through a grant (授权用章): the tag with the enterprise's name and the
 * grant's validity — the same words on the phone's 我的印章, the desk's 印章办理 and the scan's seal picker.
 */
export function GrantedSealNote({ grant, t, locale }: { grant: Pick<TGrantedSeal, "orgName" | "grantedAt" | "validTo">; t: T; locale: string }) {
  return (
    <span className={styles.grantNote} data-testid="seal-granted">
      <Badge tone="info">{t("sealGrants.byOrg", { org: grant.orgName })}</Badge>
      <span className={styles.muted} data-testid="seal-granted-validity">{t("sealGrants.validity", { from: formatDate(grant.grantedAt, locale), to: formatDate(grant.validTo, locale) })}</span>
    </span>
  );
}

/** The desk's 印章办理: the enterprise seals granted to the caller's certificates, read-only. */
export function GrantedSealTable({ granted, t, locale }: { granted: TGrantedSeal[]; t: T; locale: string }) {
  return (
    <Table
      caption={t("sealGrants.mineTitle")}
      isCaptionHidden
      rows={granted}
      rowKey={(g) => `${g.seal.id}:${g.certificateId}`}
      columns={[
        {
          key: "picture",
          header: t("seals.columns.picture"),
          width: "88px",
          // eslint-disable-next-line @next/next/no-img-element -- a same-origin, access-checked picture
          cell: (g) => <img className={styles.thumb} src={`/api/seals/${g.seal.id}/image?which=processed`} alt={g.seal.name} />,
        },
        { key: "name", header: t("seals.columns.name"), cell: (g) => <>{g.seal.name}<br /><span className={styles.muted}>{t(`seals.kinds.${g.seal.kind}` as MessageKey)}</span></> },
        { key: "cert", header: t("sealGrants.certificate"), cell: (g) => <span className={styles.mono}>{g.certificateSerial.slice(0, 16)}</span> },
        { key: "grant", header: t("sealGrants.tag"), cell: (g) => <GrantedSealNote grant={g} t={t} locale={locale} /> },
        { key: "status", header: t("seals.columns.status"), cell: (g) => <Badge tone="success">{t(`seals.statuses.${g.seal.status}` as MessageKey)}</Badge> },
      ]}
    />
  );
}
