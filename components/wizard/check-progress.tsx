"use client";
import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import { useT } from "@/lib/i18n/client";
import styles from "./wizard.module.css";

export type CheckPhase = "idle" | "checking" | "passed";

/**
 * What 保存并继续 is doing while the step's identity check runs on the server (a few seconds with a real
 * provider): 正在核验 with the method's name, then 核验通过 before the next step opens. A live region, so
 * a screen reader hears both.
 */
export function CheckProgress({ phase, method }: { phase: CheckPhase; method: VerificationMethod | null }) {
  const t = useT();
  return (
    <p role="status" aria-live="polite" className={phase === "idle" ? styles.progressIdle : phase === "passed" ? styles.progressPassed : styles.progress} data-testid="check-progress" data-phase={phase}>
      {phase === "checking" && (
        <>
          <span className={styles.spinner} aria-hidden="true" />
          {method ? t("wizard.verify.checking", { method: t(`identity.method.${method}`) }) : t("wizard.verify.checkingAny")}
        </>
      )}
      {phase === "passed" && <>✓ {t("wizard.verify.passedNext")}</>}
    </p>
  );
}
