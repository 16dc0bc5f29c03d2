import type { MessageKey } from "@/lib/i18n/catalogue";
import type { getT } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { formatTime } from "@/components/orders/order-timeline";
import { StatusBadge } from "@/components/orders/status-badge";
import type { OrderKind, OrderStatus, CertStatus } from "@/lib/generated/prisma/enums";
import { EndLookupButton } from "./end-lookup-button";
import styles from "./lookup.module.css";

type T = Awaited<ReturnType<typeof getT>>;
type Result = {
  subjectKey: string;
  expiresAt: Date;
  certificates: Array<{ id: string; serialHex: string; subjectName: string; status: CertStatus; notBefore: Date; notAfter: Date; isExpired: boolean }>;
  orders: Array<{ id: string; no: string; kind: OrderKind; status: OrderStatus; subjectName: string | null; createdAt: Date }>;
};

// The services a certificate offers from the lookup: each continues after login (next= kept).
const SERVICES = [
  { key: "renew", path: "/renew" },
  { key: "change", path: "/change" },
  { key: "revoke", path: "/revoke" },
  { key: "seals", path: "/seals" },
] as const;

const loginTo = (path: string) => `/login?next=${encodeURIComponent(path)}`;
const maskKey = (k: string) => (k.length > 8 ? `${k.slice(0, 4)}${"*".repeat(k.length - 8)}${k.slice(-4)}` : k);

/** A passed lookup: the subject's certificates (with their services) and orders in this channel. */
export function LookupResult({ result, t, phoneUrl }: { result: Result; t: T; phoneUrl: string }) {
  const tone = (s: CertStatus, isExpired: boolean) => (s === "REVOKED" ? "danger" : s === "EXPIRED" || isExpired ? "warning" : "success");
  return (
    <div className={styles.form} data-testid="lookup-result">
      <p>{t("lifecycleLookup.resultLead", { subject: maskKey(result.subjectKey), time: formatTime(result.expiresAt, t.locale) })}</p>
      <Card title={t("lifecycleLookup.certificates")} padding="md">
        <Table
          caption={t("lifecycleLookup.certificates")}
          isCaptionHidden
          rows={result.certificates}
          rowKey={(c) => c.id}
          empty={<p className={styles.muted}>{t("lifecycleLookup.noCertificates")}</p>}
          columns={[
            { key: "name", header: t("lifecycleLookup.certificates"), cell: (c) => <div>{c.subjectName}<span className={`${styles.muted} ${styles.mono}`} style={{ display: "block" }}>{c.serialHex}</span></div> },
            { key: "validity", header: t("lifecycleLookup.validity"), cell: (c) => `${formatTime(c.notBefore, t.locale).slice(0, 10)} – ${formatTime(c.notAfter, t.locale).slice(0, 10)}` },
            {
              key: "status",
              header: t("lifecycleLookup.status"),
              cell: (c) => <Badge tone={tone(c.status, c.isExpired)}>{t(`lifecycleLookup.certStatus.${c.isExpired ? "EXPIRED" : c.status}` as MessageKey)}</Badge>,
            },
            {
              key: "actions",
              header: t("lifecycleLookup.actions"),
              isLabelHiddenOnPhone: true,
              cell: (c) => (
                <div className={styles.links}>
                  {c.status === "VALID" && !c.isExpired
                    ? SERVICES.map((s) => (
                        <ButtonLink key={s.key} href={loginTo(`${s.path}?certificateId=${c.id}`)} size="sm" variant="outline" prefetch={false} data-testid={`lookup-${s.key}-${c.serialHex}`}>
                          {t(`lifecycleLookup.${s.key}`)}
                        </ButtonLink>
                      )).concat(
                        // 补办 runs on the new phone (its keys are made there): the link opens the phone page, which asks for the phone login.
                        <ButtonLink key="reissue" href={`/m/reissue/${c.id}`} size="sm" variant="outline" prefetch={false} data-testid={`lookup-reissue-${c.serialHex}`}>
                          {t("lifecycleLookup.reissue")}
                        </ButtonLink>,
                      )
                    : (
                      <ButtonLink href={loginTo("/orders?tab=completed")} size="sm" prefetch={false} data-testid={`lookup-reapply-${c.serialHex}`}>
                        {t("lifecycleLookup.reapply")}
                      </ButtonLink>
                    )}
                </div>
              ),
            },
          ]}
        />
        <p className={styles.muted}>{t("lifecycleLookup.loginToContinue")}</p>
        <p className={styles.muted} data-testid="lookup-reissue-hint">
          {t("lifecycleLookup.reissueHint")}{" "}
          <a href="/m" className={styles.mono}>{`${phoneUrl}/m`}</a>
        </p>
      </Card>
      <Card title={t("lifecycleLookup.orders")} padding="md">
        <Table
          caption={t("lifecycleLookup.orders")}
          isCaptionHidden
          rows={result.orders}
          rowKey={(o) => o.id}
          empty={<p className={styles.muted}>{t("lifecycleLookup.noOrders")}</p>}
          columns={[
            { key: "no", header: t("lifecycleLookup.orderNo"), cell: (o) => <span className={styles.mono} data-testid="lookup-order-no">{o.no}</span> },
            { key: "kind", header: t("lifecycleLookup.orderKind"), cell: (o) => t(`lifecycleLookup.kind.${o.kind}` as MessageKey) },
            { key: "status", header: t("lifecycleLookup.status"), cell: (o) => <StatusBadge status={o.status} t={t} /> },
            { key: "created", header: t("lifecycleLookup.createdAt"), cell: (o) => formatTime(o.createdAt, t.locale) },
          ]}
        />
      </Card>
      <div className={styles.links}>
        <EndLookupButton />
      </div>
    </div>
  );
}
