"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { revokeAuthorizationAction } from "@/lib/actions/org/authorization-actions";
import { Button } from "@/components/ui/button";
import styles from "./request-area.module.css";

/** 撤销 one authorization, after a confirmation; the member's next scan on that platform is refused. */
export function AuthorizationRevokeButton({ orgId, authorizationId }: { orgId: string; authorizationId: string }) {
  const t = useT();
  const router = useRouter();
  const [isConfirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  async function revoke() {
    setBusy(true);
    const res = await revokeAuthorizationAction({ orgId, authorizationId });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    router.refresh();
  }
  if (!isConfirming) return <Button size="sm" variant="outline" onClick={() => setConfirming(true)} data-testid="authorization-revoke">{t("orgRequests.authorizations.revoke")}</Button>;
  return (
    <span className={styles.actions}>
      <span className={styles.small}>{t("orgRequests.authorizations.confirmRevoke")}</span>
      <Button size="sm" variant="danger" onClick={revoke} isLoading={isBusy} data-testid="authorization-revoke-confirm">{t("orgRequests.authorizations.revoke")}</Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>{t("orgRequests.requests.cancel")}</Button>
      {error && <span className={styles.bad} role="status">{error}</span>}
    </span>
  );
}
