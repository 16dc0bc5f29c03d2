"use client";
import { useFormStatus } from "react-dom";
import { setLocale } from "@/lib/actions/i18n/set-locale";
import { useLocale, useT } from "@/lib/i18n/client";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import styles from "./language-switch.module.css";

const OPTION_KEY = { "zh-CN": "shell.language.zh", en: "shell.language.en" } as const satisfies Record<Locale, string>;

/** 中文 | English. A plain form posting to the setLocale server action, so it also works before hydration. */
export function LanguageSwitch({ className, tone = "light" }: { className?: string; tone?: "light" | "dark" }) {
  const t = useT();
  return (
    <form action={setLocale} className={[styles.form, styles[tone], className].filter(Boolean).join(" ")}>
      <Options label={t("shell.language.label")} />
    </form>
  );
}

function Options({ label }: { label: string }) {
  const current = useLocale();
  const t = useT();
  const { pending } = useFormStatus();
  return (
    <div role="group" aria-label={label} className={styles.group} aria-busy={pending || undefined}>
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" className={styles.globe}>
        <circle cx="10" cy="10" r="7.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path
          d="M2.5 10h15M10 2.5c2.2 2.2 2.2 12.8 0 15M10 2.5c-2.2 2.2-2.2 12.8 0 15"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
        />
      </svg>
      {LOCALES.map((locale) => {
        const isCurrent = locale === current;
        return (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            className={styles.option}
            aria-pressed={isCurrent}
            disabled={pending}
          >
            {t(OPTION_KEY[locale])}
          </button>
        );
      })}
    </div>
  );
}
