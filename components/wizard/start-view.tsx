import { getT } from "@/lib/i18n/server";
import { methodName } from "@/components/identity/method-name";
import { INDIVIDUAL_METHODS, UNIT_METHODS } from "@/lib/server/orders/save-method-step.types";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { startOrderAction } from "@/lib/actions/orders/start-actions";
import type { SubjectType, VerificationMethod } from "@/lib/generated/prisma/enums";
import styles from "./wizard.module.css";

/**
 * Before starting: what to prepare, per verification method the channel offers, and how long it takes
 * (an individual on a channel that auto-approves after the real-name check waits for no review).
 */
export async function StartView({ subjectType, allowedMethods, channelCode, isAutoApprove = false }: { subjectType: SubjectType; allowedMethods: readonly VerificationMethod[]; channelCode?: string; isAutoApprove?: boolean }) {
  const t = await getT();
  const isUnit = subjectType === "UNIT";
  const forKind: readonly string[] = isUnit ? UNIT_METHODS : INDIVIDUAL_METHODS;
  const methods = allowedMethods.filter((m) => forKind.includes(m));
  return (
    <div className={styles.page}>
      <PageHeader
        title={t(isUnit ? "wizard.unitTitle" : "wizard.individualTitle")}
        description={t(isUnit ? "wizard.start.unitLead" : "wizard.start.individualLead")}
        breadcrumbs={[{ label: t("shell.nav.home"), href: "/" }, { label: t("wizard.breadcrumbApply"), href: "/apply" }, { label: t(isUnit ? "wizard.unitTitle" : "wizard.individualTitle") }]}
      />
      <Card title={t("wizard.start.materialsTitle")}>
        <div className={styles.form}>
          <p>{t(isUnit ? "wizard.start.unitCommon" : "wizard.start.individualCommon")}</p>
          <h3 className={styles.legend}>{t("wizard.start.byMethod")}</h3>
          <ul className={styles.list}>
            {methods.map((m) => (
              <li key={m}>
                <strong>{methodName(t, m, { isLegalRep: isUnit })}</strong>：{t(`wizard.method.${isUnit ? "unitNeeds" : "personNeeds"}.${m}` as MessageKey)}
              </li>
            ))}
          </ul>
          <p className={styles.hint} data-testid="duration-note">{t(isAutoApprove ? "wizard.start.durationNoteAuto" : "wizard.start.durationNote")}</p>
        </div>
      </Card>
      <form action={startOrderAction} className={styles.actions}>
        <input type="hidden" name="subjectType" value={subjectType} />
        {channelCode && <input type="hidden" name="channel" value={channelCode} />}
        <p className={styles.hint}>{t("wizard.start.resumeHint")}</p>
        <SubmitButton size="lg" data-testid="start">{t("wizard.start.button")}</SubmitButton>
      </form>
    </div>
  );
}
