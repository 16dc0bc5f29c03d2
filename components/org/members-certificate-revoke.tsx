"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { revokeMemberCertificateAction } from "@/lib/actions/org/member-actions";
import styles from "./org-area.module.css";

/** 吊销 one certificate of a member, after a confirmation. */
export function MembersCertificateRevoke({ orgId, certificateId, serialHex }: { orgId: string; certificateId: string; serialHex: string }) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  async function revoke() {
    if (!window.confirm(t("orgMembers.certs.confirmRevoke", { serial: serialHex }))) return;
    setBusy(true);
    const res = await revokeMemberCertificateAction(orgId, certificateId);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    router.refresh();
  }
  return (
    <div className={styles.actions}>
      <Button size="sm" variant="danger" onClick={revoke} isLoading={isBusy} data-testid={`revoke-${serialHex}`}>{t("orgMembers.certs.revoke")}</Button>
      {error && <p className={styles.error} role="status">{error}</p>}
    </div>
  );
}
