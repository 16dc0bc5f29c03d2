"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { cancelSealAction, deletePersonalSealAction } from "@/lib/actions/seals/seal-actions";
import { Button, buttonClassName } from "@/components/ui/button";
import styles from "./seals.module.css";

/** The maker's actions on one seal: 撤回审核, 删除 (personal), a new picture (上传印模 / 补章 / 签章变更). */
export function SealRowActions({ sealId, status, isPersonal }: { sealId: string; status: string; isPersonal: boolean }) {
  const t = useT();
  const router = useRouter();
  const [confirming, setConfirming] = useState<"cancel" | "remove" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function run(what: "cancel" | "remove") {
    setBusy(true);
    const res = what === "cancel" ? await cancelSealAction(sealId) : await deletePersonalSealAction(sealId);
    setBusy(false);
    setConfirming(null);
    if (!res.ok) return setError(res.error.message);
    router.refresh();
  }
  async function upload(file: File | undefined) {
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    setBusy(true);
    const res = await fetch(`/api/seals/${sealId}/image`, { method: "POST", body: form });
    setBusy(false);
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string; fields?: Record<string, string[]> } };
      return setError(body.error?.fields?.file?.[0] ?? body.error?.message ?? t("seals.maker.failed"));
    }
    router.refresh();
  }
  const uploadLabel = status === "APPROVED" ? "seals.actions.change" : status === "REJECTED" ? "seals.actions.resubmit" : "seals.actions.upload";

  if (confirming) {
    return (
      <span className={styles.actions}>
        <span className={styles.muted}>{t(confirming === "cancel" ? "seals.actions.confirmCancel" : "seals.actions.confirmRemove")}</span>
        <Button size="sm" variant="danger" onClick={() => run(confirming)} isLoading={isBusy} data-testid={`seal-${confirming}-confirm`}>
          {t(confirming === "cancel" ? "seals.actions.cancel" : "seals.actions.remove")}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>{t("seals.actions.back")}</Button>
      </span>
    );
  }
  return (
    <span className={styles.actions}>
      {status === "PENDING_REVIEW" && <Button size="sm" variant="outline" onClick={() => setConfirming("cancel")} data-testid="seal-cancel">{t("seals.actions.cancel")}</Button>}
      {["AWAITING_IMAGE", "REJECTED", "APPROVED"].includes(status) && (
        // A button-sized label around a hidden file input (the browser's own "Choose File" is not in the page's language).
        <label className={buttonClassName({ size: "sm", variant: "outline" }, styles.pick)} data-testid="seal-upload">
          {t(uploadLabel)}
          <input type="file" accept="image/jpeg,image/png" className={styles.pickInput} onChange={(e) => void upload(e.target.files?.[0])} disabled={isBusy} />
        </label>
      )}
      {isPersonal && status !== "DELETED" && <Button size="sm" variant="ghost" onClick={() => setConfirming("remove")} data-testid="seal-remove">{t("seals.actions.remove")}</Button>}
      {error && <span className={styles.error} role="status">{error}</span>}
    </span>
  );
}
