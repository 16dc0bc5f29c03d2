import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { resolveChannel } from "@/lib/server/channels/resolve-channel";
import { INDIVIDUAL_METHODS, UNIT_METHODS } from "@/lib/server/orders/save-method-step.types";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { startOrderAction } from "@/app/(desk)/orders/_actions/start-actions";
import type { WizardKind } from "../load-wizard-order";
import styles from "../wizard.module.css";

/** Before starting: what to prepare, per verification method the channel offers. */
export async function StartPage({ kind, searchParams }: { kind: WizardKind; searchParams: Promise<{ channel?: string }> }) {
  const { channel: channelCode } = await searchParams;
  await requirePageUser({ next: `/apply/${kind}` });
  const t = await getT();
  const channel = await resolveChannel(db, { code: channelCode });
  const forKind: readonly string[] = kind === "unit" ? UNIT_METHODS : INDIVIDUAL_METHODS;
  const methods = channel.allowedMethods.filter((m) => forKind.includes(m));
  const isUnit = kind === "unit";
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
                <strong>{t(`wizard.method.name.${m}` as MessageKey)}</strong>：{t(`wizard.method.${isUnit ? "unitNeeds" : "personNeeds"}.${m}` as MessageKey)}
              </li>
            ))}
          </ul>
          <p className={styles.hint}>{t("wizard.start.durationNote")}</p>
        </div>
      </Card>
      <form action={startOrderAction} className={styles.actions}>
        <input type="hidden" name="subjectType" value={isUnit ? "UNIT" : "INDIVIDUAL"} />
        {channelCode && <input type="hidden" name="channel" value={channelCode} />}
        <p className={styles.hint}>{t("wizard.start.resumeHint")}</p>
        <SubmitButton size="lg" data-testid="start">{t("wizard.start.button")}</SubmitButton>
      </form>
    </div>
  );
}
