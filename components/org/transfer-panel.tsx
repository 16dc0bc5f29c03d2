"use client";
import { useCallback, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { startAdminTransferAction } from "@/lib/actions/org/transfer-actions";
import { Button, buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FileButton } from "@/components/ui/file-button";
import { Select } from "@/components/ui/select";
import { SignLetterQr, type TLetterStart } from "./sign-letter-qr";
import styles from "./request-area.module.css";

type Member = { userId: string; name: string; phone: string };

/** 转授管理员: choose the member, then sign with the enterprise certificate (QR) or upload the stamped paper form. */
export function TransferPanel({ orgId, members }: { orgId: string; members: Member[] }) {
  const t = useT();
  const router = useRouter();
  const [toUserId, setTo] = useState("");
  const [letter, setLetter] = useState<TLetterStart | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState(false);
  const [isBusy, setBusy] = useState(false);
  // Applied: the caller is no longer the administrator, so this page would refresh into 无权访问; the overview shows the new role.
  const onSettled = useCallback((status: string) => (status === "APPLIED" ? router.push(`/org/${orgId}`) : router.refresh()), [router, orgId]);

  async function sign() {
    setBusy(true);
    const res = await startAdminTransferAction({ orgId, toUserId });
    setBusy(false);
    if (!res.ok) return setError(res.error.fields?.toUserId?.[0] ?? res.error.message);
    setError(null);
    setLetter(res.data);
  }
  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    const body = new FormData();
    body.set("toUserId", toUserId);
    body.set("file", file);
    const res = await fetch(`/api/org/${orgId}/transfer-paper`, { method: "POST", body });
    setBusy(false);
    if (!res.ok) {
      const out = (await res.json().catch(() => ({}))) as { error?: { message?: string; fields?: Record<string, string[]> } };
      return setError(out.error?.fields?.file?.[0] ?? out.error?.message ?? res.statusText);
    }
    setError(null);
    setUploaded(true);
    router.refresh();
  }

  return (
    <div className={styles.form} style={{ maxWidth: "none" }} data-testid="transfer-panel">
      <Field label={t("orgRequests.transfer.target")} isRequired>
        <Select value={toUserId} onChange={(e) => { setTo(e.target.value); setLetter(null); }} placeholder={t("orgRequests.transfer.chooseTarget")} options={members.map((m) => ({ value: m.userId, label: `${m.name}（${m.phone}）` }))} data-testid="transfer-target" />
      </Field>
      {error && <p className={styles.bad} role="status" data-testid="transfer-error">{error}</p>}
      {letter && <SignLetterQr letter={letter} onSettled={onSettled} onRestart={() => { setLetter(null); void sign(); }} />}
      <div className={styles.two}>
        <Card title={t("orgRequests.transfer.withCertTitle")} description={t("orgRequests.transfer.withCertLead")} headingLevel={3}>
          <Button onClick={sign} isLoading={isBusy} disabled={!toUserId || letter !== null} data-testid="transfer-sign">{t("orgRequests.transfer.withCert")}</Button>
        </Card>
        <Card title={t("orgRequests.transfer.paperTitle")} description={t("orgRequests.transfer.paperLead")} headingLevel={3}>
          {uploaded ? (
            <p className={styles.ok} role="status" data-testid="transfer-uploaded">{t("orgRequests.transfer.uploaded")}</p>
          ) : (
            <form className={styles.form} onSubmit={upload}>
              {/* A plain link: the PDF is a download, not a page to prefetch. */}
              <a href={`/api/org/${orgId}/transfer-form${toUserId ? `?to=${encodeURIComponent(toUserId)}` : ""}`} download className={buttonClassName({ variant: "outline", size: "sm" }, styles.self)} data-testid="transfer-form">{t("orgRequests.transfer.downloadForm")}</a>
              <FileButton caption={t("orgRequests.transfer.file")} accept="image/jpeg,image/png,application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="transfer-file" />
              <div className={styles.actions}><Button type="submit" variant="secondary" isLoading={isBusy} disabled={!toUserId || !file}>{t("orgRequests.transfer.upload")}</Button></div>
            </form>
          )}
        </Card>
      </div>
    </div>
  );
}
