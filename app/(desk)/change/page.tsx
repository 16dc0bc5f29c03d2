import type { Metadata } from "next";
import { z } from "zod";
import { ChangeStartButton } from "@/components/change/change-start-button";
import { ServiceStart } from "@/components/lookup/service-start";
import { ServiceInfoPage } from "@/components/services/service-info-page";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { getT } from "@/lib/i18n/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { listChangeableCertificates, type ChangeableCertificate } from "@/lib/server/orders/change-list-certificates";
import styles from "@/components/orders/orders.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("services.change.title"), description: t("services.change.lead") };
}

const day = (d: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
const ZQuery = z.object({ certificateId: z.string().max(64).optional() });

// 证书变更: logged out, what a change is (and a login link); logged in, the caller's valid certificates,
// each with 变更 (the CHANGE wizard) or why not. ?certificateId= (from 证书查询 or the phone) lists that one first.
export default async function ChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getSessionUser();
  if (!user) return <ServiceInfoPage service="change" start={<ServiceStart service="change" />} />;
  const t = await getT();
  const { certificateId } = ZQuery.catch({}).parse(await searchParams);
  const certs = (await listChangeableCertificates({ userId: user.id })).sort((a, b) => Number(b.id === certificateId) - Number(a.id === certificateId));
  const action = (c: ChangeableCertificate) => {
    if (c.resumePath) return <ButtonLink href={c.resumePath} size="sm">{t("lifecycleChange.continue")}</ButtonLink>;
    if (c.isInProgress) return <span>{t("lifecycleChange.inProgress")}</span>;
    if (c.isMemberOnly) return <span>{t("lifecycleChange.memberOnly")}</span>;
    return <ChangeStartButton certificateId={c.id} />;
  };
  return (
    <div className={styles.page}>
      <PageHeader title={t("lifecycleChange.title")} description={t("lifecycleChange.lead")} />
      <Table<ChangeableCertificate>
        caption={t("lifecycleChange.listTitle")}
        rows={certs}
        rowKey={(c) => c.id}
        empty={<EmptyState title={t("lifecycleChange.empty")} action={<ButtonLink href="/apply">{t("services.apply.title")}</ButtonLink>} />}
        columns={[
          { key: "subject", header: t("lifecycleChange.columns.subject"), cell: (c) => c.subjectName },
          { key: "serial", header: t("lifecycleChange.columns.serial"), cell: (c) => <code>{c.serialHex.slice(0, 16)}…</code> },
          { key: "notAfter", header: t("lifecycleChange.columns.notAfter"), cell: (c) => day(c.notAfter) },
          { key: "action", header: t("lifecycleChange.columns.action"), cell: action },
        ]}
      />
    </div>
  );
}
