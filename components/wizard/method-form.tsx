"use client";
import { useForm } from "react-hook-form";
import { methodName } from "@/components/identity/method-name";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { AgreementText } from "@/components/legal/agreement-text";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { ZMethodStepSchema, type TMethodStep } from "@/lib/server/orders/save-method-step.types";
import { saveMethodAction } from "@/lib/actions/orders/step-actions";
import { useStepAction } from "./use-step-action";
import styles from "./wizard.module.css";

type Method = TMethodStep["method"];

/** Step 1: how the subject is verified, grouped by whether the legal representative takes part. */
export function MethodForm({ orderId, kind, methods, defaultMethod }: { orderId: string; kind: "unit" | "individual"; methods: Method[]; defaultMethod?: Method | null }) {
  const t = useT();
  const msg = useMessage();
  const form = useForm<TMethodStep>({
    resolver: zodResolver(ZMethodStepSchema),
    defaultValues: { method: defaultMethod ?? undefined, agreed: (defaultMethod ? true : undefined) as true },
  });
  const { run, go, error, isBusy } = useStepAction(form);
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    const data = await run(() => saveMethodAction(orderId, values));
    if (data) go(data.nextPath);
  });

  const groups =
    kind === "unit"
      ? [
          { title: t("wizard.method.withoutLegalRep"), items: methods.filter((m) => m === "CORP_DEPOSIT") },
          { title: t("wizard.method.withLegalRep"), items: methods.filter((m) => m !== "CORP_DEPOSIT") },
        ]
      : [{ title: undefined, items: methods }];

  return (
    <form noValidate onSubmit={onSubmit} className={styles.form}>
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      <fieldset className={styles.fieldset} aria-describedby={errors.method ? "method-error" : undefined}>
        <legend className={styles.legend}>{t("wizard.method.label")}</legend>
        {groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <div key={g.title ?? "all"} className={styles.fieldset}>
              {g.title && <p className={styles.groupTitle}>{g.title}</p>}
              <div className={styles.options}>
                {g.items.map((m) => (
                  <label key={m} className={styles.option}>
                    <input type="radio" value={m} {...form.register("method")} data-testid={`method-${m}`} />
                    <span className={styles.optionText}>
                      <span className={styles.optionTitle}>{methodName(t, m, { isLegalRep: kind === "unit" })}</span>
                      <span className={styles.optionHint}>{t(`wizard.method.${kind === "unit" ? "unitNeeds" : "personNeeds"}.${m}` as MessageKey)}</span>
                    </span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        {errors.method && (
          <p id="method-error" className={styles.error}>
            {msg(errors.method.message)}
          </p>
        )}
      </fieldset>
      <Checkbox label={<AgreementText text={t("wizard.method.agree")} />} {...form.register("agreed")} error={msg(errors.agreed?.message)} data-testid="agree" />
      <div className={styles.actions}>
        <span />
        <Button type="submit" isLoading={isBusy} size="lg" data-testid="next">
          {t("wizard.next")}
        </Button>
      </div>
    </form>
  );
}
