"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { grantSealUseAction, withdrawSealUseAction } from "@/lib/actions/org/seal-grant-actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import styles from "./seals.module.css";

type Holder = { certificateId: string; label: string };

/**
 * 授权使用 on an enterprise seal: who may use it (the bound certificate's holder and each granted member's
 * certificate) for every member; for seals.manage on an APPROVED seal, 撤销授权 per grant and a member
 * certificate picker with 授权.
 */
export function SealGrants({ orgId, sealId, bound, grants, candidates, canManage }: { orgId: string; sealId: string; bound: string | null; grants: Holder[]; candidates: Holder[]; canManage: boolean }) {
  const t = useT();
  const router = useRouter();
  const [picked, setPicked] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const open = candidates.filter((c) => !grants.some((g) => g.certificateId === c.certificateId));

  async function run(what: "grant" | "withdraw", certificateId: string) {
    setBusy(true);
    setError(null);
    const res = what === "grant" ? await grantSealUseAction(orgId, sealId, certificateId) : await withdrawSealUseAction(orgId, sealId, certificateId);
    setBusy(false);
    setConfirming(null);
    if (!res.ok) return setError(res.error.message);
    setPicked("");
    router.refresh();
  }

  return (
    <div className={styles.grants} data-testid="seal-grants">
      <ul className={styles.grantList}>
        {bound && <li className={styles.muted}>{t("sealGrants.bound", { name: bound })}</li>}
        {grants.map((g) => (
          <li key={g.certificateId} data-testid="seal-grant" data-certificate-id={g.certificateId}>
            <span>{g.label}</span>
            {canManage &&
              (confirming === g.certificateId ? (
                <span className={styles.actions}>
                  <span className={styles.muted}>{t("sealGrants.confirmWithdraw")}</span>
                  <Button size="sm" variant="danger" isLoading={isBusy} onClick={() => run("withdraw", g.certificateId)} data-testid="seal-grant-withdraw-confirm">{t("sealGrants.withdraw")}</Button>
                  <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>{t("sealGrants.back")}</Button>
                </span>
              ) : (
                <Button size="sm" variant="ghost" onClick={() => setConfirming(g.certificateId)} data-testid="seal-grant-withdraw">{t("sealGrants.withdraw")}</Button>
              ))}
          </li>
        ))}
      </ul>
      {canManage &&
        (open.length > 0 ? (
          <div className={styles.actions}>
            <Select
              aria-label={t("sealGrants.pick")}
              placeholder={t("sealGrants.pickPlaceholder")}
              value={picked}
              onChange={(e) => setPicked(e.target.value)}
              options={open.map((c) => ({ value: c.certificateId, label: c.label }))}
              data-testid="seal-grant-pick"
            />
            <Button size="sm" variant="outline" disabled={!picked} isLoading={isBusy} onClick={() => run("grant", picked)} data-testid="seal-grant-submit">{t("sealGrants.submit")}</Button>
          </div>
        ) : (
          <p className={styles.muted}>{t("sealGrants.noCandidates")}</p>
        ))}
      {error && <p className={styles.error} role="status" data-testid="seal-grant-error">{error}</p>}
    </div>
  );
}
