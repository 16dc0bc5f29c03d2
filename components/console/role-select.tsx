"use client";
import { useState } from "react";
import { Select } from "@/components/ui/select";
import { useT } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/http/action-result";
import styles from "./console.module.css";

/** A role picker that saves on change and says whether it worked, inline in the row. */
export function RoleSelect({ userId, role, options, label, change }: {
  userId: string;
  role: string;
  options: Array<{ value: string; label: string }>;
  label: string;
  change: (input: unknown) => Promise<ActionResult<{ role: string }>>;
}) {
  const t = useT();
  const [value, setValue] = useState(role);
  const [status, setStatus] = useState<string>("");
  const [busy, setBusy] = useState(false);
  return (
    <span className={styles.inlineActions}>
      <Select
        aria-label={label}
        value={value}
        disabled={busy}
        options={options}
        data-testid={`role-${userId}`}
        onChange={async (e) => {
          const next = e.target.value;
          setBusy(true);
          const res = await change({ userId, role: next });
          setBusy(false);
          if (res.ok) {
            setValue(res.data.role);
            setStatus(t("review.users.roleChanged"));
          } else setStatus(res.error.message);
        }}
      />
      <span role="status" className={styles.muted}>{status}</span>
    </span>
  );
}
