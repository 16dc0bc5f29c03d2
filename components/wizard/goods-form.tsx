"use client";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useMessage } from "@/components/forms/use-message";
import { formatFen } from "@/components/orders/format-fen";
import { useT } from "@/lib/i18n/client";
import { ZGoodsStepSchema, type TGoodsStep } from "@/lib/server/orders/save-goods-step.types";
import { saveGoodsAction } from "@/lib/actions/orders/step-actions";
import { SelectField, TextField } from "./text-field";
import { useStepAction } from "./use-step-action";
import styles from "./wizard.module.css";

type Prices = { certByYears: Record<number, number>; sealFen: number | null; usbKeyFen: number | null };

/** Step 4: validity and price from the channel, medium, seal, trading platform and invoice. */
export function GoodsForm({
  orderId,
  isUnit,
  prices,
  isFree,
  platforms,
  allowNoInvoice,
  invoiceHeader,
  invoiceBank,
  taxNumber,
  defaults,
  backHref,
}: {
  orderId: string;
  isUnit: boolean;
  prices: Prices;
  isFree: boolean;
  platforms: Array<{ id: string; name: string }>;
  allowNoInvoice: boolean;
  invoiceHeader: string;
  invoiceBank?: { bank: string; account: string } | null;
  taxNumber: string | null;
  defaults?: Partial<TGoodsStep>;
  backHref: string;
}) {
  const t = useT();
  const msg = useMessage();
  const years = Object.keys(prices.certByYears).map(Number);
  const form = useForm<TGoodsStep>({
    resolver: zodResolver(ZGoodsStepSchema as unknown as z.ZodType<TGoodsStep, TGoodsStep>) as never,
    defaultValues: {
      medium: "CLOUD",
      withSeal: false,
      platformId: "",
      ...defaults,
      // Radio inputs hold strings: a number would leave every option unchecked.
      years: String(defaults?.years ?? years[0] ?? 1) as unknown as 1,
      invoice: {
        wanted: !allowNoInvoice || (defaults?.invoice?.wanted ?? true),
        ...defaults?.invoice,
        bank: defaults?.invoice?.bank || invoiceBank?.bank || "",
        account: defaults?.invoice?.account || invoiceBank?.account || "",
      },
    },
  });
  const { run, go, error, isBusy } = useStepAction(form);
  const v = form.watch();
  const errors = form.formState.errors;

  const certFen = prices.certByYears[Number(v.years)] ?? 0;
  const totalFen = isFree ? 0 : certFen + (v.withSeal && isUnit ? (prices.sealFen ?? 0) : 0) + (v.medium === "USB_KEY" ? (prices.usbKeyFen ?? 0) : 0);

  const submit = form.handleSubmit(async (values) => {
    const data = await run(() => saveGoodsAction(orderId, values));
    if (data) go(data.nextPath);
  });

  return (
    <form noValidate onSubmit={submit} className={styles.form}>
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      {isFree && <Alert tone="success" isLive={false}>{t("wizard.goods.free")}</Alert>}
      <dl className={styles.dl}>
        <dt>{t("wizard.goods.certName")}</dt>
        <dd>{isUnit ? t("wizard.goods.certUnit") : t("wizard.goods.certIndividual")}</dd>
      </dl>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("wizard.goods.years")}</legend>
        <div className={styles.options}>
          {years.map((y) => (
            <label key={y} className={styles.option}>
              <input type="radio" value={y} {...form.register("years")} data-testid={`years-${y}`} />
              <span className={styles.optionTitle}>{t("wizard.goods.yearOption", { years: y, price: formatFen(prices.certByYears[y]!) })}</span>
            </label>
          ))}
        </div>
        {errors.years && <p className={styles.error}>{msg(errors.years.message)}</p>}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("wizard.goods.medium")}</legend>
        <div className={styles.options}>
          <label className={styles.option}>
            <input type="radio" value="CLOUD" {...form.register("medium")} data-testid="medium-CLOUD" />
            <span className={styles.optionTitle}>{t("wizard.goods.cloud")}</span>
          </label>
          {prices.usbKeyFen !== null && (
            <label className={styles.option}>
              <input type="radio" value="USB_KEY" {...form.register("medium")} data-testid="medium-USB_KEY" />
              <span className={styles.optionTitle}>{t("wizard.goods.usbKey", { price: formatFen(prices.usbKeyFen) })}</span>
            </label>
          )}
        </div>
      </fieldset>
      {v.medium === "USB_KEY" && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t("wizard.goods.shippingTitle")}</legend>
          <div className={styles.grid}>
            <TextField form={form} name="shipping.recipient" label={t("wizard.goods.recipient")} />
            <TextField form={form} name="shipping.phone" label={t("wizard.goods.shippingPhone")} inputMode="numeric" maxLength={11} />
            <TextField form={form} name="shipping.address" label={t("wizard.goods.address")} className={styles.full} />
          </div>
        </fieldset>
      )}
      {isUnit && prices.sealFen !== null && <Checkbox label={t("wizard.goods.seal", { price: formatFen(prices.sealFen) })} {...form.register("withSeal")} />}
      <SelectField
        form={form}
        name="platformId"
        label={t("wizard.goods.platform")}
        hint={t("wizard.goods.platformHint")}
        isRequired={false}
        options={[{ value: "", label: t("wizard.goods.platformNone") }, ...platforms.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("wizard.goods.invoiceTitle")}</legend>
        <Checkbox label={t("wizard.goods.invoiceWanted")} {...form.register("invoice.wanted")} disabled={!allowNoInvoice} data-testid="invoice-wanted" />
        {v.invoice?.wanted && (
          <div className={styles.grid}>
            <Field label={t("wizard.goods.invoiceHeader")}>
              <Input value={invoiceHeader} readOnly />
            </Field>
            {taxNumber && (
              <Field label={t("wizard.goods.taxNumber")}>
                <Input value={taxNumber} readOnly />
              </Field>
            )}
            <TextField form={form} name="invoice.email" label={t(isUnit ? "wizard.goods.invoiceEmailUnit" : "wizard.goods.invoiceEmailIndividual")} type="email" isRequired={false} />
            {isUnit && (
              <>
                <TextField form={form} name="invoice.address" label={t("wizard.goods.invoiceAddress")} isRequired={false} />
                <TextField form={form} name="invoice.phone" label={t("wizard.goods.invoicePhone")} isRequired={false} />
                <TextField form={form} name="invoice.bank" label={t("wizard.goods.invoiceBank")} isRequired={false} />
                <TextField form={form} name="invoice.account" label={t("wizard.goods.invoiceAccount")} isRequired={false} />
              </>
            )}
          </div>
        )}
      </fieldset>
      <div className={styles.total}>
        <span>{t("wizard.goods.total")}</span>
        <span className={styles.totalAmount} data-testid="total">{formatFen(totalFen)}</span>
      </div>
      <div className={styles.actions}>
        <ButtonLink href={backHref} variant="outline">{t("wizard.back")}</ButtonLink>
        <Button type="submit" size="lg" isLoading={isBusy} data-testid="next">{t("wizard.next")}</Button>
      </div>
    </form>
  );
}
