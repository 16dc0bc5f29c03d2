import type { MessageKey } from "@/lib/i18n/catalogue";
import type { T } from "@/lib/i18n/translate";
import type { TOrgRequestView } from "@/lib/server/org/list-org-requests";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { RequestDecision } from "./request-decision";
import styles from "./request-area.module.css";

const TONE: Record<string, BadgeTone> = { PENDING_LEGAL_REP: "warning", PENDING_ADMIN: "warning", PENDING_CA: "info", APPROVED: "success", REJECTED: "danger", CANCELLED: "neutral" };

/** One request as a card: kind, requester, platforms, years, status; with 同意 / 拒绝 when it waits for the caller. */
export function RequestCards({ orgId, requests, t, locale, canDecide = false, isPhone = false }: { orgId: string; requests: TOrgRequestView[]; t: T; locale: string; canDecide?: boolean; isPhone?: boolean }) {
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(iso));
  return (
    <ul className={styles.form} style={{ listStyle: "none", padding: 0, margin: 0, maxWidth: "none" }}>
      {requests.map((r) => (
        <li key={r.id} id={r.id} className={styles.letter} style={{ display: "flex", flexDirection: "column" }} data-testid="org-request" data-kind={r.kind} data-status={r.status}>
          <div className={styles.actions} style={{ justifyContent: "space-between", width: "100%" }}>
            <strong>{t(`orgRequests.kind.${r.kind}` as MessageKey)}{r.requester ? ` · ${r.requester.name}（${r.requester.phone}）` : ""}</strong>
            <Badge tone={TONE[r.status] ?? "neutral"}>{t(`orgRequests.status.${r.status}` as MessageKey)}</Badge>
          </div>
          <p className={styles.small} style={{ margin: 0 }}>
            {r.platforms.length > 0 && <>{t("orgRequests.requests.platforms")}：{r.platforms.map((p) => (locale === "en" ? (p.nameEn ?? p.name) : p.name)).join("、")} · </>}
            {r.years && <>{t("orgRequests.requests.years")}：{t("orgRequests.requests.yearsValue", { years: r.years })} · </>}
            {r.target && <>{t("orgRequests.transfer.target")}：{r.target.name} · </>}
            {t("orgRequests.requests.createdAt")}：{when(r.createdAt)}
          </p>
          {r.reason && <p className={styles.bad} style={{ margin: 0 }}>{t("orgRequests.requests.reason")}：{r.reason}</p>}
          {r.orderId && !isPhone && <a href={`/orders/${r.orderId}`} className={styles.small}>{t("orgRequests.requests.viewOrder")} ›</a>}
          {canDecide && <RequestDecision orgId={orgId} requestId={r.id} stage={r.status} isPhone={isPhone} />}
        </li>
      ))}
    </ul>
  );
}
