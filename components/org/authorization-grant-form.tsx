"use client";
import { useCallback, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useT } from "@/lib/i18n/client";
import { grantAuthorizationAction } from "@/lib/actions/org/authorization-actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { SignLetterQr, type TLetterStart } from "./sign-letter-qr";
import styles from "./request-area.module.css";

type Member = { userId: string; name: string; phone: string };
type Platform = { id: string; name: string; nameEn: string | null };

/** 新增授权: a member and platforms → the authorization letter to sign on the phone (QR on the desk, the scan page on the phone). */
export function AuthorizationGrantForm({ orgId, members, platforms, isPhone = false }: { orgId: string; members: Member[]; platforms: Platform[]; isPhone?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [memberId, setMemberId] = useState("");
  const [platformIds, setPlatformIds] = useState<string[]>([]);
  const [letter, setLetter] = useState<TLetterStart | null>(null);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const onSettled = useCallback(() => router.refresh(), [router]);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    const res = await grantAuthorizationAction({ orgId, userId: memberId, platformIds });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    if (isPhone) return router.push(new URL(res.data.qrContent).pathname);
    setLetter(res.data);
  }
  if (letter) return <SignLetterQr letter={letter} onSettled={onSettled} onRestart={() => { setLetter(null); void submit(); }} />;
  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="authorization-grant">
      <Field label={t("orgRequests.authorizations.member")} error={error?.fields?.userId?.[0]} isRequired>
        <Select value={memberId} onChange={(e) => setMemberId(e.target.value)} placeholder={t("orgRequests.authorizations.chooseMember")} options={members.map((m) => ({ value: m.userId, label: `${m.name}（${m.phone}）` }))} />
      </Field>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{t("orgRequests.authorizations.platform")}</legend>
        <div className={styles.checks}>
          {platforms.map((p) => (
            <Checkbox key={p.id} label={locale === "en" ? (p.nameEn ?? p.name) : p.name} checked={platformIds.includes(p.id)}
              onChange={(e) => setPlatformIds(e.target.checked ? [...platformIds, p.id] : platformIds.filter((x) => x !== p.id))} />
          ))}
        </div>
        {error?.fields?.platformIds?.[0] && <p className={styles.bad}>{error.fields.platformIds[0]}</p>}
      </fieldset>
      {error && !error.fields && <p className={styles.bad} role="status">{error.message}</p>}
      <div className={styles.actions}><Button type="submit" isLoading={isBusy} disabled={!memberId || platformIds.length === 0}>{t("orgRequests.authorizations.grant")}</Button></div>
    </form>
  );
}
