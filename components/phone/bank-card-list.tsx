"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import type { ApiError } from "@/components/forms/api-error";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { addBankCardAction, unbindBankCardAction } from "@/lib/actions/identity/bank-card-actions";
import { ZAddBankCardSchema, type BankCardView, type TAddBankCard, type TAddBankCardInput } from "@/lib/server/identity/bank-cards.types";
import styles from "./phone.module.css";
import meStyles from "./me.module.css";

/** 银行卡管理: the cards, 解绑 with an inline confirmation, and 添加银行卡 (四要素 of the verified person). */
export function BankCardList({ cards, holderName, phone }: { cards: BankCardView[]; holderName: string | null; phone: string }) {
  const t = useT();
  const msg = useMessage();
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [isAdding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const form = useForm<TAddBankCardInput, unknown, TAddBankCard>({ resolver: zodResolver(ZAddBankCardSchema), defaultValues: { idNumber: "", bankCard: "", bankName: "", phone } });
  const errors = form.formState.errors;

  async function unbind(card: BankCardView) {
    const res = await unbindBankCardAction(card.id);
    setConfirming(null);
    if (!res.ok) return setError(res.error);
    setNotice(t("me.cards.unbound", { card: card.numberMasked }));
    router.refresh();
  }
  const add = form.handleSubmit(async (values) => {
    setError(null);
    const res = await addBankCardAction(values);
    if (!res.ok) {
      if (!applyFieldErrors(form.setError, res.error)) setError(res.error);
      return;
    }
    form.reset({ idNumber: "", bankCard: "", bankName: "", phone });
    setAdding(false);
    setNotice(t("me.cards.added"));
    router.refresh();
  });

  return (
    <div className={styles.form}>
      {notice && <Alert tone="success" data-testid="cards-notice">{notice}</Alert>}
      {error && !isAdding && <Alert tone="error">{error.message}</Alert>}
      {cards.length === 0 ? (
        <EmptyState title={t("me.cards.empty")} description={t("me.cards.emptyBody")} />
      ) : (
        <ul className={styles.list}>
          {cards.map((c) => (
            <li key={c.id} className={`${styles.card} ${styles.certCard}`} data-testid={`bank-card-${c.numberMasked.slice(-4)}`}>
              <div className={styles.cardTop}>
                <p className={styles.cardTitle}>{c.bankName ?? t(`me.cards.kinds.${c.kind}`)}</p>
                <Badge tone={c.verifiedBy ? "success" : "warning"}>{c.verifiedBy ? t("me.cards.verified", { how: t(`identity.method.${c.verifiedBy}`) }) : t("me.cards.pending")}</Badge>
              </div>
              <p className={`${styles.cardMeta} ${styles.mono}`}>{c.numberMasked}</p>
              <p className={styles.cardMeta}>{t(`me.cards.kinds.${c.kind}`)} · {t("me.cards.holder")} {c.holderName}</p>
              {confirming === c.id ? (
                <div className={styles.form} style={{ marginTop: "var(--space-3)" }} role="group" aria-label={t("me.cards.unbind")}>
                  <p className={styles.note}>{t("me.cards.confirmUnbind", { card: c.numberMasked })}</p>
                  <div className={meStyles.row}>
                    <Button size="sm" variant="danger" onClick={() => unbind(c)} data-testid="bank-card-confirm-unbind">{t("me.cards.confirm")}</Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>{t("me.cards.cancel")}</Button>
                  </div>
                </div>
              ) : (
                <div className={meStyles.row} style={{ marginTop: "var(--space-2)", justifyContent: "flex-end" }}>
                  <Button size="sm" variant="outline" onClick={() => setConfirming(c.id)} data-testid="bank-card-unbind">{t("me.cards.unbind")}</Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {!holderName ? (
        <Alert tone="info">{t("me.cards.needRealName")}</Alert>
      ) : isAdding ? (
        <Card title={t("me.cards.addTitle")} description={t("me.cards.addLead")}>
          <form noValidate onSubmit={add} className={styles.form} data-testid="bank-card-form">
            <Alert tone="error">{error?.message}</Alert>
            <Field label={t("me.cards.holder")}>
              <Input value={holderName} readOnly />
            </Field>
            <Field label={t("me.cards.idNumber")} error={msg(errors.idNumber?.message)} isRequired>
              <Input {...form.register("idNumber")} maxLength={18} autoComplete="off" data-testid="bank-card-id" />
            </Field>
            <Field label={t("me.cards.cardNumber")} error={msg(errors.bankCard?.message)} isRequired>
              <Input {...form.register("bankCard")} inputMode="numeric" maxLength={23} autoComplete="cc-number" data-testid="bank-card-number" />
            </Field>
            <Field label={t("me.cards.bankName")} error={msg(errors.bankName?.message)}>
              <Input {...form.register("bankName")} maxLength={60} data-testid="bank-card-bank" />
            </Field>
            <Field label={t("me.cards.phone")} error={msg(errors.phone?.message)} isRequired>
              <Input {...form.register("phone")} inputMode="numeric" maxLength={11} data-testid="bank-card-phone" />
            </Field>
            <div className={meStyles.row}>
              <Button type="submit" isLoading={form.formState.isSubmitting} data-testid="bank-card-submit">{t("me.cards.submit")}</Button>
              <Button type="button" variant="ghost" onClick={() => setAdding(false)}>{t("me.cards.cancel")}</Button>
            </div>
          </form>
        </Card>
      ) : (
        <Button block variant="outline" onClick={() => { setAdding(true); setNotice(null); }} data-testid="bank-card-add">{t("me.cards.add")}</Button>
      )}
    </div>
  );
}
