"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useMessage } from "@/components/forms/use-message";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { useT } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/http/action-result";
import { CHANGE_MATERIAL_KINDS, METHODS, PRODUCTS, ZUpdateChannelSchema, type TUpdateChannelInput } from "@/lib/server/channels/channel.types";
import styles from "./console.module.css";

type FormValues = TUpdateChannelInput & { prices: Array<{ product: (typeof PRODUCTS)[number]; years: number; price: string }> };

/** 渠道编辑: names, methods, review rules, contact data and the whole price list. */
export function ChannelForm({ defaultValues, save }: { defaultValues: FormValues; save: (input: unknown) => Promise<ActionResult<{ version: string }>> }) {
  const t = useT();
  const msg = useMessage();
  const router = useRouter();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  // The resolver validates; the form keeps the typed-in (yuan) strings until the server converts them.
  const form = useForm<FormValues>({ resolver: zodResolver(ZUpdateChannelSchema) as never, defaultValues });
  const prices = useFieldArray({ control: form.control, name: "prices" });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async () => {
    setResult(null);
    const res = await save(form.getValues());
    if (!res.ok) {
      if (!applyFieldErrors(form.setError, res.error)) setResult({ tone: "error", text: res.error.message });
      return;
    }
    form.setValue("version", res.data.version);
    setResult({ tone: "success", text: t("review.common.saved") });
    router.refresh();
  });

  return (
    <form noValidate onSubmit={onSubmit} className={styles.form}>
      <Alert tone={result?.tone === "error" ? "error" : "success"} data-testid="form-result">{result?.text}</Alert>
      <Card title={t("review.channels.name")}>
        <div className={styles.grid2}>
          <Field label={t("review.channels.name")} error={msg(errors.name?.message)} isRequired>
            <Input {...form.register("name")} />
          </Field>
          <Field label={t("review.channels.nameEn")} error={msg(errors.nameEn?.message)}>
            <Input {...form.register("nameEn")} />
          </Field>
          <Field label={t("review.channels.supportPhone")} error={msg(errors.supportPhone?.message)}>
            <Input {...form.register("supportPhone")} />
          </Field>
          <Field label={t("review.channels.mailingAddress")} error={msg(errors.mailingAddress?.message)}>
            <Input {...form.register("mailingAddress")} />
          </Field>
        </div>
      </Card>
      <Card title={t("review.channels.rules")}>
        <div className={styles.form}>
          <fieldset className={styles.checks}>
            <legend>{t("review.channels.methods")}</legend>
            {METHODS.map((m) => (
              <Checkbox key={m} value={m} label={t(`identity.method.${m}`)} {...form.register("allowedMethods")} />
            ))}
          </fieldset>
          {errors.allowedMethods && <p className={styles.muted} role="alert">{msg(errors.allowedMethods.message)}</p>}
          <Checkbox label={t("review.channels.fourEyes")} hint={t("review.channels.fourEyesHint")} {...form.register("requireTwoReviewers")} data-testid="four-eyes" />
          <Checkbox label={t("review.channels.autoApprove")} hint={t("review.channels.autoApproveHint")} {...form.register("autoApproveIndividual")} />
          <Checkbox label={t("review.channels.allowNoInvoice")} {...form.register("allowNoInvoice")} />
          <Checkbox label={t("payAfterApproval.switch")} hint={t("payAfterApproval.switchHint")} {...form.register("payAfterApproval")} data-testid="pay-after-approval" />
          <Checkbox label={t("shipping.channel.switch")} hint={t("shipping.channel.switchHint")} {...form.register("offerUsbKey")} data-testid="offer-usb-key" />
          <Checkbox label={t("console.channelSwitches.legalRepApproval")} hint={t("console.channelSwitches.legalRepApprovalHint")} {...form.register("requireLegalRepApproval")} data-testid="legal-rep-approval" />
          <Checkbox label={t("console.channelSwitches.allowCertAdmins")} hint={t("console.channelSwitches.allowCertAdminsHint")} {...form.register("allowCertAdmins")} data-testid="allow-cert-admins" />
          <Checkbox label={t("console.channelSwitches.reviewDeskRevocations")} hint={t("console.channelSwitches.reviewDeskRevocationsHint")} {...form.register("reviewDeskRevocations")} data-testid="review-desk-revocations" />
          <Checkbox label={t("console.channelSwitches.renewalNeedsMaterials")} hint={t("console.channelSwitches.renewalNeedsMaterialsHint")} {...form.register("renewalNeedsMaterials")} data-testid="renewal-needs-materials" />
          <Checkbox label={t("console.channelSwitches.reissueNeedsForm")} hint={t("console.channelSwitches.reissueNeedsFormHint")} {...form.register("reissueNeedsForm")} data-testid="reissue-needs-form" />
          <Checkbox label={t("review.channels.active")} {...form.register("active")} />
        </div>
      </Card>
      <Card title={t("console.channelSwitches.change")}>
        <div className={styles.form}>
          <Field label={t("console.channelSwitches.changePrice")} error={msg(errors.changePrice?.message)}>
            <Input inputMode="decimal" {...form.register("changePrice")} data-testid="change-price" />
          </Field>
          {(["changeMaterialsUnit", "changeMaterialsIndividual"] as const).map((name) => (
            <div key={name}>
              <fieldset className={styles.checks} data-testid={name}>
                <legend>{t(`console.channelSwitches.${name}`)}</legend>
                {CHANGE_MATERIAL_KINDS.map((k) => (
                  <Checkbox key={k} value={k} label={t(`materials.kind.${k}`)} {...form.register(name)} />
                ))}
              </fieldset>
              {errors[name] && <p className={styles.muted} role="alert">{msg(errors[name]?.message)}</p>}
            </div>
          ))}
        </div>
      </Card>
      <Card title={t("review.channels.prices")} actions={<Button size="sm" variant="outline" onClick={() => prices.append({ product: "UNIT_CERT", years: 1, price: "0" })}>{t("review.channels.addPrice")}</Button>}>
        {errors.prices?.message && <p className={styles.muted}>{msg(errors.prices.message)}</p>}
        {prices.fields.map((f, i) => (
          <div key={f.id} className={styles.priceRow}>
            <Select aria-label={t("review.channels.product")} {...form.register(`prices.${i}.product`)} options={PRODUCTS.map((p) => ({ value: p, label: t(`review.channels.products.${p}`) }))} />
            <Select aria-label={t("review.channels.years")} {...form.register(`prices.${i}.years`)} options={[1, 2, 3, 4, 5].map((y) => ({ value: String(y), label: `${y}` }))} />
            <div>
              <Input aria-label={t("review.channels.price")} inputMode="decimal" {...form.register(`prices.${i}.price`)} aria-invalid={errors.prices?.[i]?.price ? true : undefined} />
              {errors.prices?.[i]?.price && <small className={styles.muted}>{msg(errors.prices[i]?.price?.message)}</small>}
            </div>
            <Button size="sm" variant="ghost" onClick={() => prices.remove(i)}>{t("review.channels.removePrice")}</Button>
          </div>
        ))}
      </Card>
      <div>
        <Button type="submit" isLoading={form.formState.isSubmitting} data-testid="save-channel">{t("review.common.save")}</Button>
      </div>
    </form>
  );
}
