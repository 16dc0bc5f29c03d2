import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { DemoBanner } from "@/components/shell/demo-banner";
import { supportPhone } from "@/components/shell/support-phone";
import { SupportPhoneProvider } from "@/components/shell/support-phone-context";
import { ZodJitless } from "@/components/security/zod-jitless";
import { LocaleProvider } from "@/lib/i18n/client";
import { getLocale } from "@/lib/i18n/server";
import { translator } from "@/lib/i18n/translate";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await getLocale());
  return { title: { default: t("common.appName"), template: `%s · ${t("common.appName")}` } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5cad" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <ZodJitless />
        <LocaleProvider locale={locale}>
          <DemoBanner />
          <SupportPhoneProvider phone={supportPhone()}>
            <QueryProvider>{children}</QueryProvider>
          </SupportPhoneProvider>
        </LocaleProvider>
      </body>
    </html>
  );
}
