"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useHydrated } from "@/components/forms/use-hydrated";
import { useT } from "@/lib/i18n/client";
import { callJson, registerPasskey, toApiError } from "./passkey-client";
import styles from "./auth-form.module.css";

/** Dates come formatted by the server (China time). */
export type PasskeyRow = { id: string; name: string; backedUp: boolean; createdAt: string; lastUsedAt: string | null };

/** The account's passkeys: add one on this device, rename, delete. */
export function PasskeyList({ passkeys }: { passkeys: PasskeyRow[] }) {
  const t = useT();
  const router = useRouter();
  const hydrated = useHydrated();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [newName, setNewName] = useState("");

  async function run(body: () => Promise<unknown>, success: string) {
    setResult(null);
    setBusy(true);
    try {
      await body();
      setResult({ tone: "success", text: success });
      setEditing(null);
      router.refresh();
    } catch (err) {
      setResult({ tone: "error", text: toApiError(err, t).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.fields} data-testid="passkey-section" data-hydrated={hydrated || undefined}>
      <Alert tone={result?.tone ?? "info"} data-testid="passkey-result">{result?.text}</Alert>
      {passkeys.length === 0 ? (
        <p className={styles.small} data-testid="passkey-empty">{t("passkeys.account.empty")}</p>
      ) : (
        <ul className={styles.list}>
          {passkeys.map((p) => (
            <li key={p.id} data-testid="passkey-item" className={styles.listItem}>
              {editing?.id === p.id ? (
                <form
                  className={styles.codeRow}
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run(() => callJson("PATCH", `/api/auth/passkeys/${p.id}`, { name: editing.name }), t("passkeys.account.renamed"));
                  }}
                >
                  <Input aria-label={t("passkeys.account.nameLabel")} value={editing.name} maxLength={40} onChange={(e) => setEditing({ id: p.id, name: e.target.value })} data-testid="passkey-name-input" />
                  <Button type="submit" size="sm" isLoading={isBusy} data-testid="passkey-save">{t("passkeys.account.save")}</Button>
                  <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>{t("passkeys.account.cancel")}</Button>
                </form>
              ) : (
                <>
                  <div>
                    <strong data-testid="passkey-name">{p.name}</strong>
                    <div className={styles.small}>
                      {p.backedUp ? t("passkeys.account.synced") : t("passkeys.account.deviceBound")} · {t("passkeys.account.createdAt", { at: p.createdAt })} ·{" "}
                      {p.lastUsedAt ? t("passkeys.account.lastUsedAt", { at: p.lastUsedAt }) : t("passkeys.account.neverUsed")}
                    </div>
                  </div>
                  <div className={styles.codeRow}>
                    <Button size="sm" variant="ghost" onClick={() => setEditing({ id: p.id, name: p.name })} data-testid="passkey-rename">{t("passkeys.account.rename")}</Button>
                    <Button
                      size="sm"
                      variant="danger"
                      data-testid="passkey-delete"
                      onClick={() => {
                        if (window.confirm(t("passkeys.account.confirmDelete", { name: p.name }))) void run(() => callJson("DELETE", `/api/auth/passkeys/${p.id}`), t("passkeys.account.deleted"));
                      }}
                    >
                      {t("passkeys.account.delete")}
                    </Button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.codeRow}>
        <Input aria-label={t("passkeys.account.nameLabel")} placeholder={t("passkeys.account.namePlaceholder")} value={newName} maxLength={40} onChange={(e) => setNewName(e.target.value)} data-testid="passkey-new-name" />
        <Button isLoading={isBusy} data-testid="passkey-register" onClick={() => run(async () => { await registerPasskey(newName.trim() || undefined); setNewName(""); }, t("passkeys.account.registered"))}>
          {t("passkeys.account.register")}
        </Button>
      </div>
    </div>
  );
}
