"use client";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { useT } from "@/lib/i18n/client";
import { clearAppCache, readCacheInventory, type CacheInventory } from "@/lib/phone/clear-cache";
import styles from "./phone.module.css";
import meStyles from "./me.module.css";

/**
 * 清除缓存: clears what the app caches here and says that the certificate keys stay. Deleting the keys
 * too is a separate choice that first names the certificates that would stop working on this phone
 * and what getting them back takes, and then needs its own button.
 */
export function ClearCacheCard({ certificates }: { certificates: Array<{ id: string; subjectName: string }> }) {
  const t = useT();
  const [inventory, setInventory] = useState<CacheInventory | null>(null);
  const [withKeys, setWithKeys] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const refresh = () => readCacheInventory().then(setInventory, () => setInventory({ pages: 0, items: 0, certificateIds: [], keyRecords: 0 }));
  useEffect(() => {
    void refresh();
  }, []);

  const held = (inventory?.certificateIds ?? []).map((id) => certificates.find((c) => c.id === id)?.subjectName ?? id);
  async function clear() {
    setBusy(true);
    setResult(null);
    try {
      const done = await clearAppCache({ withKeys });
      setResult({
        tone: "success",
        text: withKeys ? t("me.cache.keysDeleted", { n: done.cleared, keys: done.keysDeleted }) : t("me.cache.cleared", { n: done.cleared, keys: inventory?.certificateIds.length ?? 0 }),
      });
      setWithKeys(false);
    } catch {
      setResult({ tone: "error", text: t("me.cache.failed") });
    }
    setBusy(false);
    await refresh();
  }

  return (
    <div className={styles.form} data-testid="clear-cache">
      <p className={styles.note}>{t("me.cache.lead")}</p>
      {inventory && (
        <p className={styles.note} data-testid="cache-inventory">
          {t("me.cache.count", { pages: inventory.pages, items: inventory.items })}
          <br />
          <span data-testid="cache-keys">{held.length > 0 ? t("me.cache.keys", { n: held.length }) : t("me.cache.noKeys")}</span>
        </p>
      )}
      {result && <Alert tone={result.tone} data-testid="cache-result">{result.text}</Alert>}
      {held.length > 0 && (
        <Checkbox checked={withKeys} onChange={(e) => setWithKeys(e.target.checked)} data-testid="cache-with-keys" label={t("me.cache.alsoKeys")} />
      )}
      {withKeys && (
        <Alert tone="warning" title={t("me.cache.keysWarningTitle")} data-testid="cache-keys-warning">
          {t("me.cache.keysWarning", { certs: held.join("、") })}
        </Alert>
      )}
      <div className={meStyles.row}>
        <Button variant={withKeys ? "danger" : "outline"} onClick={clear} isLoading={isBusy} disabled={!inventory} data-testid={withKeys ? "cache-clear-keys" : "cache-clear"}>
          {withKeys ? t("me.cache.confirmKeys") : t("me.cache.clear")}
        </Button>
      </div>
    </div>
  );
}
