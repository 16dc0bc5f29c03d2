import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LookupForm } from "@/components/lookup/lookup-form";
import { LookupResult } from "@/components/lookup/lookup-result";
import styles from "@/components/lookup/lookup.module.css";
import { env } from "@/lib/env";
import { getT } from "@/lib/i18n/server";
import { AppError } from "@/lib/errors";
import { getLookupResult } from "@/lib/server/lookup/get-lookup-result";
import { LOOKUP_COOKIE } from "@/lib/server/lookup/lookup-policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("lifecycleLookup.title"), description: t("lifecycleLookup.lead") };
}

/** The lookup cookie's grant, or null (none, foreign or expired: the form again). */
async function findResult() {
  try {
    return await getLookupResult({ token: (await cookies()).get(LOOKUP_COOKIE)?.value });
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }
}

// 证书查询 / 订单查询 without login: the form, or what a passed check shows.
export default async function LookupPage({ searchParams }: { searchParams: Promise<{ channel?: string }> }) {
  const { channel } = await searchParams;
  const t = await getT();
  const result = await findResult();
  return (
    <div className={styles.page}>
      <PageHeader
        title={result ? t("lifecycleLookup.resultTitle") : t("lifecycleLookup.title")}
        description={t("lifecycleLookup.lead")}
        breadcrumbsLabel={t("shell.ui.breadcrumbs")}
        breadcrumbs={[{ label: t("shell.nav.home"), href: "/" }, { label: t("lifecycleLookup.title") }]}
      />
      {result ? (
        <LookupResult result={result} t={t} phoneUrl={env().APP_URL.replace(/\/$/, "")} />
      ) : (
        <div className={styles.narrow}>
          <Card padding="lg">
            <LookupForm channel={typeof channel === "string" && /^[\w-]{1,40}$/.test(channel) ? channel : undefined} />
          </Card>
        </div>
      )}
    </div>
  );
}
