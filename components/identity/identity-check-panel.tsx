"use client";
import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { useT } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DepositCodeForm } from "./deposit-code-form";
import { FaceCheckBox } from "./face-check-box";
import { useIdentityCheck, type ClientCheckView } from "./use-identity-check";
import styles from "./identity-check-panel.module.css";

type Props = {
  checkId: string;
  method: VerificationMethod;
  onPassedHref?: string;
  /** The view a server page already loaded (getIdentityCheck): saves the first round-trip. */
  initialView?: ClientCheckView;
};

/**
 * The next step of an identity check on the desk: the deposit-code form, the face QR with its SMS
 * link and live status, or the immediate result. A failure says which check failed and why.
 */
export function IdentityCheckPanel({ checkId, method, onPassedHref, initialView }: Props) {
  const t = useT();
  const { view, setView, loadError } = useIdentityCheck(checkId, initialView);
  const methodName = t(`identity.method.${method}` as MessageKey);

  if (loadError) return <Alert tone="error">{loadError}</Alert>;
  if (!view) {
    return (
      <div className={styles.waiting} role="status">
        <span className={styles.dot} aria-hidden="true" /> {t("identity.panel.checking")}
      </div>
    );
  }

  if (view.status === "PASSED") {
    return (
      <div className={styles.panel} data-testid="identity-check-panel" data-status="PASSED">
        <Alert tone="success" title={t("identity.panel.passedTitle", { method: methodName })}>
          <Evidence subject={view.subject} />
        </Alert>
        {onPassedHref && (
          <div>
            <ButtonLink href={onPassedHref}>{t("identity.panel.continue")}</ButtonLink>
          </div>
        )}
      </div>
    );
  }

  if (view.status === "FAILED" || view.status === "EXPIRED") {
    const reason = view.failReason ? t(`identity.failReason.${view.failReason}` as MessageKey) : "";
    return (
      <div className={styles.panel} data-testid="identity-check-panel" data-status={view.status}>
        <Alert tone="error" title={t(view.status === "FAILED" ? "identity.panel.failedTitle" : "identity.panel.expiredTitle", { method: methodName })}>
          <p>{reason}</p>
          <p>{t("identity.panel.retryHint")}</p>
        </Alert>
      </div>
    );
  }

  return (
    <div className={styles.panel} data-testid="identity-check-panel" data-status="PENDING">
      {view.next?.kind === "deposit_code" && <DepositCodeForm view={view} onChange={setView} />}
      {view.next?.kind === "face" && <FaceCheckBox checkId={checkId} faceUrl={view.next.faceUrl} role={view.role} />}
    </div>
  );
}

function Evidence({ subject }: { subject: Record<string, string> }) {
  const t = useT();
  const entries = Object.entries(subject).filter(([k]) => k !== "idType");
  if (entries.length === 0) return null;
  return (
    <dl className={styles.evidence}>
      {entries.map(([k, v]) => (
        <div key={k} style={{ display: "contents" }}>
          <dt>{t(`identity.subjectField.${k}` as MessageKey)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
