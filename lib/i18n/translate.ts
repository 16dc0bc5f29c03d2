import { catalogue, type MessageKey } from "./catalogue";
import { DEFAULT_LOCALE, type Locale } from "./locales";

export type TParams = Record<string, string | number>;
export type T = (key: MessageKey, params?: TParams) => string;

function lookup(locale: Locale, key: string): string | undefined {
  let node: unknown = catalogue[locale];
  for (const part of key.split(".")) {
    if (node && typeof node === "object") node = (node as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof node === "string" ? node : undefined;
}

// A value that ends its own sentence (a reviewer's reason typed with its 。) takes the place of the
// template's punctuation right after the placeholder: 「原因：照片模糊。。」 became 「原因：照片模糊。」.
const ENDS_SENTENCE = /[。．！？.!?]\s*$/;

/** `t("auth.login.title")`; `{name}` placeholders are filled from params. Missing keys fall back to zh-CN, then the key. */
export function translator(locale: Locale): T {
  return (key, params) => {
    const text = lookup(locale, key) ?? lookup(DEFAULT_LOCALE, key) ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}([。．.！!？?；;，,])?/g, (m, name: string, after: string | undefined) => {
      if (!(name in params)) return m;
      const value = String(params[name]);
      return after && ENDS_SENTENCE.test(value) ? value.trimEnd() : value + (after ?? "");
    });
  };
}

/** True when the key exists: AppError user messages may be catalogue keys or literal text. */
export function hasMessage(key: string): boolean {
  return lookup(DEFAULT_LOCALE, key) !== undefined;
}
