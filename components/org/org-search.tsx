"use client";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { findOrganizationAction } from "@/lib/actions/org/org-actions";
import styles from "./org-area.module.css";

type Found = Extract<Awaited<ReturnType<typeof findOrganizationAction>>, { ok: true }>["data"];

/** 查找企业: name + USCC. Not registered → 认领 (the unit wizard); registered → 加入企业 (/org/join). */
export function OrgSearch() {
  const t = useT();
  const [name, setName] = useState("");
  const [uscc, setUscc] = useState("");
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await findOrganizationAction({ name, uscc });
    setBusy(false);
    if (!res.ok) {
      setFound(null);
      return setError(res.error);
    }
    setError(null);
    setFound(res.data);
  }

  const verifyHref = (u: string, n: string) => `/org/verify?uscc=${encodeURIComponent(u)}&name=${encodeURIComponent(n)}`;
  const joinHref = (u: string, n: string) => `/org/join?uscc=${encodeURIComponent(u)}&name=${encodeURIComponent(n)}`;
  return (
    <div className={styles.stack}>
      <form className={styles.searchForm} onSubmit={submit} data-testid="org-search">
        <Field label={t("orgMembers.home.name")} error={error?.fields?.name?.[0]} isRequired>
          <Input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="organization" />
        </Field>
        <Field label={t("orgMembers.home.uscc")} error={error?.fields?.uscc?.[0]} isRequired>
          <Input name="uscc" value={uscc} onChange={(e) => setUscc(e.target.value.toUpperCase())} maxLength={18} spellCheck={false} />
        </Field>
        <Button type="submit" isLoading={isBusy}>{t("orgMembers.home.search")}</Button>
      </form>
      {error && !error.fields && <Alert tone="error">{error.message}</Alert>}
      {found && !found.registered && (
        <Alert tone="info" title={t("orgMembers.home.notRegistered")}>
          <p className={styles.muted}>{t("orgMembers.home.claimHint")}</p>
          <div className={styles.actions}>
            <ButtonLink href="/apply/unit" data-testid="org-claim">{t("orgMembers.home.claim")}</ButtonLink>
            <ButtonLink href={verifyHref(found.uscc, name.trim())} variant="outline" data-testid="org-verify">{t("orgMembers.verify.link")}</ButtonLink>
          </div>
        </Alert>
      )}
      {found && found.registered && !found.nameMatches && <Alert tone="warning">{t("orgMembers.home.nameMismatch")}</Alert>}
      {found && found.registered && found.nameMatches && (
        <Alert tone="success" title={t("orgMembers.home.registered")}>
          <p className={styles.muted}>{found.admin ? t("orgMembers.home.adminIs", { name: found.admin.name, phone: found.admin.phone }) : t("orgMembers.home.noAdmin")}</p>
          <div className={styles.actions}>
            {found.admin ? (
              <ButtonLink href={joinHref(found.uscc, found.name)} data-testid="org-join">{t("orgMembers.home.join")}</ButtonLink>
            ) : (
              <ButtonLink href="/apply/unit" data-testid="org-claim">{t("orgMembers.home.claim")}</ButtonLink>
            )}
            <ButtonLink href={verifyHref(found.uscc, found.name)} variant="outline" data-testid="org-verify">{t(found.admin ? "orgMembers.verify.joinLink" : "orgMembers.verify.link")}</ButtonLink>
          </div>
        </Alert>
      )}
    </div>
  );
}
