import { describe, expect, it } from "vitest";
import { AGREEMENTS } from "@/components/legal/agreements";
import { translator } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/catalogue";

// Agreements named in checkboxes and on the login page open (issue 18, friction 8): every title those texts
// name, in both languages, is a registered agreement with a text or a page (AgreementText links it).
const NAMING: MessageKey[] = ["wizard.method.agree", "wizard.sign.agree", "auth.login.agreement"];

describe("agreements", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    const t = translator(locale);
    const titles = Object.values(AGREEMENTS).map((a) => t(a.titleKey));
    it(`${locale}: the texts name only registered agreements, and each names one`, () => {
      for (const key of NAMING) {
        const text = t(key);
        const named = titles.filter((title) => text.includes(title));
        expect(named.length, `${key}: ${text}`).toBeGreaterThan(0);
        // Chinese names its agreements in 《》: each one must be a registered title.
        for (const m of text.matchAll(/《([^》]+)》/g)) expect(titles, key).toContain(m[1]);
      }
    });
  }

  it("the texts a dialog shows are versioned", () => {
    const t = translator("zh-CN");
    for (const a of Object.values(AGREEMENTS)) {
      if (!("bodyKey" in a)) continue;
      const versioned = "version" in a ? a.version : t(a.bodyKey).match(/^版本：(\S+)/)?.[1];
      expect(versioned, a.titleKey).toBeTruthy();
    }
  });
});
