"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import controlStyles from "@/components/ui/control.module.css";
import { useMessage } from "@/components/forms/use-message";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { useT } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/http/action-result";
import styles from "./console.module.css";

type Values = { code: string; name: string; nameEn: string; homepage: string; callbackUrls: string; webhookUrl: string; latitude: string; longitude: string; active: boolean };
type Credentials = { clientId: string; clientSecret: string };

type Props = {
  platform?: Omit<Values, "code"> & { id: string; code: string; clientId: string };
  create: (input: unknown) => Promise<ActionResult<Credentials & { platformId: string }>>;
  update: (input: unknown) => Promise<ActionResult<void>>;
  rotate: (input: unknown) => Promise<ActionResult<Credentials>>;
};

/**
 * 交易平台 create/edit. The server validates (zod in create/update-platform); a new or rotated
 * secret is shown here once and is gone when the admin leaves the page.
 */
export function PlatformForm({ platform, create, update, rotate }: Props) {
  const t = useT();
  const msg = useMessage();
  const router = useRouter();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [secret, setSecret] = useState<Credentials | null>(null);
  const [isRotating, setRotating] = useState(false);
  const form = useForm<Values>({
    defaultValues: platform ?? { code: "", name: "", nameEn: "", homepage: "", callbackUrls: "", webhookUrl: "", latitude: "", longitude: "", active: true },
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    if (platform) {
      const { code: _code, ...rest } = values;
      const res = await update({ ...rest, platformId: platform.id });
      if (!res.ok) return void (applyFieldErrors(form.setError, res.error) || setResult({ tone: "error", text: res.error.message }));
      setResult({ tone: "success", text: t("review.common.saved") });
      router.refresh();
      return;
    }
    const res = await create(values);
    if (!res.ok) return void (applyFieldErrors(form.setError, res.error) || setResult({ tone: "error", text: res.error.message }));
    setSecret(res.data);
  });

  async function onRotate() {
    if (!platform || !window.confirm(t("review.platforms.rotateConfirm"))) return;
    setRotating(true);
    const res = await rotate({ platformId: platform.id });
    setRotating(false);
    if (!res.ok) return setResult({ tone: "error", text: res.error.message });
    setSecret(res.data);
  }

  if (secret) {
    return (
      <div className={styles.secret} data-testid="platform-secret">
        <strong>{t("review.platforms.secretTitle")}</strong>
        <p>{t("review.platforms.secretBody")}</p>
        <span>{t("review.platforms.clientId")}</span>
        <code data-testid="client-id">{secret.clientId}</code>
        <span>{t("review.platforms.clientSecret")}</span>
        <code data-testid="client-secret">{secret.clientSecret}</code>
        <div className={styles.inlineActions}>
          <Button variant="outline" onClick={() => void navigator.clipboard?.writeText(secret.clientSecret)}>{t("review.platforms.copy")}</Button>
          <ButtonLink href="/console/platforms">{t("review.platforms.done")}</ButtonLink>
        </div>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className={styles.form}>
      <Alert tone={result?.tone === "error" ? "error" : "success"} data-testid="form-result">{result?.text}</Alert>
      <Card title={platform ? platform.code : t("review.platforms.createTitle")}>
        <div className={styles.grid2}>
          {!platform && (
            <Field label={t("review.platforms.code")} hint={t("review.platforms.codeHint")} error={msg(errors.code?.message)} isRequired>
              <Input {...form.register("code")} autoComplete="off" />
            </Field>
          )}
          {platform && (
            <Field label={t("review.platforms.clientId")}>
              <Input value={platform.clientId} readOnly />
            </Field>
          )}
          <Field label={t("review.platforms.name")} error={msg(errors.name?.message)} isRequired>
            <Input {...form.register("name")} />
          </Field>
          <Field label={t("review.platforms.nameEn")} error={msg(errors.nameEn?.message)}>
            <Input {...form.register("nameEn")} />
          </Field>
          <Field label={t("review.platforms.homepage")} error={msg(errors.homepage?.message)}>
            <Input {...form.register("homepage")} inputMode="url" />
          </Field>
          <Field label={t("review.platforms.webhookUrl")} error={msg(errors.webhookUrl?.message)}>
            <Input {...form.register("webhookUrl")} inputMode="url" />
          </Field>
          <Field label={t("review.platforms.latitude")} hint={t("review.platforms.coordinatesHint")} error={msg(errors.latitude?.message)}>
            <Input {...form.register("latitude")} inputMode="decimal" autoComplete="off" data-testid="platform-latitude" />
          </Field>
          <Field label={t("review.platforms.longitude")} error={msg(errors.longitude?.message)}>
            <Input {...form.register("longitude")} inputMode="decimal" autoComplete="off" data-testid="platform-longitude" />
          </Field>
        </div>
        <div style={{ marginTop: "1rem" }}>
          <Field label={t("review.platforms.callbackUrls")} hint={t("review.platforms.callbackHint")} error={msg(errors.callbackUrls?.message)} isRequired>
            <textarea {...form.register("callbackUrls")} rows={3} className={controlStyles.control} />
          </Field>
        </div>
        <div style={{ marginTop: "1rem" }}>
          <Checkbox label={t("review.platforms.active")} {...form.register("active")} />
        </div>
      </Card>
      <div className={styles.inlineActions}>
        <Button type="submit" isLoading={form.formState.isSubmitting} data-testid="save-platform">{t("review.common.save")}</Button>
        {platform && (
          <Button variant="danger" onClick={onRotate} isLoading={isRotating} data-testid="rotate-secret">
            {t("review.platforms.rotate")}
          </Button>
        )}
      </div>
    </form>
  );
}
