import type { ReactNode } from "react";
import type { MessageKey } from "@/lib/i18n/catalogue";
import type { T } from "@/lib/i18n/translate";
import type { TSealRow } from "@/lib/server/seals/list-seals";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import styles from "@/components/phone/phone.module.css";
import { PhoneSealDownload } from "./phone-seal-download";
import { SealRowActions } from "./seal-row-actions";
import { sealReapplyHref } from "./seal-reapply";
import sealStyles from "./seals.module.css";

/**
 * One seal as a phone card (我的印章, 企业印章 in /m): picture, name, status and why, and what the caller may do —
 * 下载 with the PIN (the bound certificate's holder), and for the maker the desk's row actions (撤回审核, 补章,
 * 签章变更, 删除 for a personal seal); `children` below them (企业印章: 授权使用).
 */
export function PhoneSealCard({ seal: s, t, userId, canManage, children }: { seal: TSealRow; t: T; userId: string; canManage: boolean; children?: ReactNode }) {
  const canDownload = s.status === "APPROVED" && s.certificate?.userId === userId;
  const canChange = canManage && s.status !== "DELETED";
  // 绑定的证书已变更，请重新申请: the maker of the same kind, for whoever may make it.
  const reapply = canManage ? sealReapplyHref(s, { isPhone: true }) : null;
  return (
    <li className={`${styles.card} ${sealStyles.sealCard}`} data-testid="phone-seal" data-seal-id={s.id}>
      {/* eslint-disable-next-line @next/next/no-img-element -- access-checked, same-origin */}
      {s.status === "AWAITING_IMAGE" ? <span /> : <img className={sealStyles.thumb} src={`/api/seals/${s.id}/image?which=processed`} alt={s.name} />}
      <div className={sealStyles.cards}>
        <p className={styles.cardTitle}>{s.name}</p>
        <span>
          <Badge tone={s.status === "APPROVED" ? "success" : s.status === "REJECTED" ? "danger" : "info"}>
            <span data-testid={`seal-status-${s.id}`}>{t(`seals.statuses.${s.status}` as MessageKey)}</span>
          </Badge>{" "}
          <span className={sealStyles.muted}>{t(`seals.kinds.${s.kind}` as MessageKey)}</span>
        </span>
        {s.status === "REJECTED" && s.rejectReason && <p className={sealStyles.muted}>{s.rejectReason}</p>}
        {s.status === "VOIDED" && s.voidReason && <p className={sealStyles.muted}>{t(`seals.voidReasons.${s.voidReason}` as MessageKey)}</p>}
        {/* Nothing to do (a seal granted to the caller, a member's view): no empty row of actions. */}
        {(canDownload || canChange || reapply) && (
          <span className={sealStyles.actions}>
            {canDownload && <PhoneSealDownload sealId={s.id} />}
            {canChange && <SealRowActions sealId={s.id} status={s.status} isPersonal={!s.orgId} />}
            {reapply && <ButtonLink href={reapply} size="sm" data-testid={`seal-reapply-${s.id}`}>{t("seals.actions.reapply")}</ButtonLink>}
          </span>
        )}
        {children}
      </div>
    </li>
  );
}
