"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/http/action-result";
import type { AuditChainResult } from "@/lib/server/audit/verify-audit-chain";

const REASON_KEYS = { link: "review.audit.reasonLink", content: "review.audit.reasonContent" } as const;

/** 校验哈希链: walks the whole chain on the server and reports the first broken entry. */
export function AuditVerifyButton({ verify }: { verify: () => Promise<ActionResult<AuditChainResult>> }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  async function onClick() {
    setBusy(true);
    const res = await verify();
    setBusy(false);
    if (!res.ok) return setResult({ tone: "error", text: res.error.message });
    const r = res.data;
    setResult(
      r.ok
        ? { tone: "success", text: t("review.audit.verifyOk", { rows: r.rows }) }
        : r.reason === "head"
          ? { tone: "error", text: r.brokenAtId === null ? t("review.audit.verifyTailEmptied", { rows: r.rows }) : t("review.audit.verifyTailDeleted", { id: r.brokenAtId, rows: r.rows }) }
          : { tone: "error", text: t("review.audit.verifyBroken", { id: r.brokenAtId ?? "", rows: r.rows, reason: t(REASON_KEYS[r.reason as "link" | "content"]) }) },
    );
  }
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: "0.5rem", alignItems: "flex-end" }}>
      <Button variant="secondary" onClick={onClick} isLoading={busy} data-testid="verify-chain">{t("review.audit.verify")}</Button>
      <Alert tone={result?.tone === "error" ? "error" : "success"} data-testid="verify-result">{result?.text}</Alert>
    </div>
  );
}
