"use client";
import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { StatusView } from "./status-view";

/** What error boundaries show: no internals, a retry, a way home, and the digest for support. */
export function ErrorView({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <StatusView
      code={
        <svg viewBox="0 0 48 48" width="56" height="56">
          <path d="M24 5l21 37H3z" fill="none" stroke="currentColor" strokeWidth="3" strokeLinejoin="round" />
          <path d="M24 19v11M24 35.5v.5" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" />
        </svg>
      }
      title={t("shell.error.title")}
      body={t("shell.error.body")}
      actions={
        <>
          <Button onClick={() => retry()}>{t("shell.error.retry")}</Button>
          <ButtonLink href="/" variant="outline">
            {t("shell.error.home")}
          </ButtonLink>
        </>
      }
      footnote={digest ? t("shell.error.reference", { digest }) : undefined}
    />
  );
}
