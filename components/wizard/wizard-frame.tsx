import type { ReactNode } from "react";
import type { Order } from "@/lib/generated/prisma/client";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Stepper, type Step } from "@/components/ui/stepper";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getT } from "@/lib/i18n/server";
import { wizardPath, wizardSteps, type WizardStep } from "@/lib/server/orders/wizard-steps";
import styles from "./wizard.module.css";

/**
 * Header, stepper and body of a wizard step. Steps up to the resume point link back for corrections. A
 * re-application after a rejection shows the reviewer's reason above every step.
 */
export async function WizardFrame({ order, step, children }: { order: Pick<Order, "id" | "no" | "kind" | "subjectType" | "offline" | "step" | "status" | "draft" | "reviewRound" | "rejectReason">; step: WizardStep; children: ReactNode }) {
  const t = await getT();
  const steps = wizardSteps(order);
  const current = steps.indexOf(step);
  const reached = order.status === "DRAFT" ? steps.indexOf(order.step as WizardStep) : steps.length - 1;
  const items: Step[] = steps.map((s, i) => ({
    key: s,
    label: t(`wizard.steps.${s}` as MessageKey),
    // The resume point itself is still to do (after 修改后重新申请: the signature), though it links like the done ones.
    status: i === current ? "current" : i < current || i < reached ? "done" : "todo",
    href: order.status === "DRAFT" && i <= reached && s !== "pay" ? wizardPath(order, s) : undefined,
  }));
  const isUnit = order.subjectType === "UNIT";
  // A revocation runs on the same engine but is not an application.
  const title =
    order.kind === "REVOKE"
      ? t("lifecycleRevoke.list.title")
      : order.kind === "RENEW"
        ? t("lifecycleRenew.title")
        : order.kind === "CHANGE"
          ? t("lifecycleChange.title")
          : t(isUnit ? "wizard.unitTitle" : "wizard.individualTitle");
  const parent =
    order.kind === "REVOKE"
      ? { label: t("lifecycleRevoke.list.title"), href: "/revoke" }
      : order.kind === "RENEW"
        ? { label: t("lifecycleRenew.title"), href: "/renew" }
        : order.kind === "CHANGE"
          ? { label: t("lifecycleChange.title"), href: "/change" }
          : { label: t("wizard.breadcrumbApply"), href: "/apply" };
  return (
    <div className={styles.page}>
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: t("shell.nav.home"), href: "/" },
          parent,
          { label: title },
        ]}
        description={
          <span className={styles.meta}>
            <span data-testid="order-no">{t("wizard.orderNo", { no: order.no })}</span>
            {order.offline && <Badge tone="warning">{t("wizard.offline.badge")}</Badge>}
          </span>
        }
      />
      <Stepper
        className={styles.stepper}
        steps={items}
        label={t("wizard.stepperLabel")}
        statusLabels={{ done: t("wizard.stepStatus.done"), current: t("wizard.stepStatus.current"), todo: t("wizard.stepStatus.todo") }}
      />
      {order.status === "DRAFT" && order.reviewRound > 0 && order.rejectReason && (
        <Alert tone="warning" isLive={false} data-testid="reapply-reason">
          <strong>{t("orders.list.reason", { reason: order.rejectReason })}</strong> {t("wizard.reapplyHint")}
        </Alert>
      )}
      <p className={styles.mobileStep}>
        {current + 1}/{steps.length} · {t(`wizard.steps.${step}` as MessageKey)}
      </p>
      <div className={styles.body}>{children}</div>
    </div>
  );
}
