import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IdentityCheckPanel } from "@/components/identity/identity-check-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getIdentityCheck } from "@/lib/server/identity/get-identity-check";
import styles from "./identity-check-page.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("identity.page.title") };
}

// /identity-checks/[id] — one identity check and its next step (deposit code, face QR, result)
export default async function IdentityCheckPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ next?: string }> }) {
  const { id } = await params;
  const { next } = await searchParams;
  const user = await requirePageUser({ next: `/identity-checks/${id}` });
  const t = await getT();
  const check = await getIdentityCheck({ userId: user.id, checkId: id }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  // Only same-site paths: the link may come from an SMS or another page.
  const onPassedHref = next && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) ? next : undefined;
  return (
    <div className={`container ${styles.page}`}>
      <PageHeader title={t("identity.page.title")} description={t(`identity.method.${check.method}` as MessageKey)} />
      <Card>
        <IdentityCheckPanel checkId={check.checkId} method={check.method} onPassedHref={onPassedHref} initialView={check} />
      </Card>
    </div>
  );
}
