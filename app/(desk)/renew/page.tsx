import type { Metadata } from "next";
import Link from "next/link";
import { OrdersStart } from "@/components/services/orders-start";
import { ServiceInfoPage } from "@/components/services/service-info-page";
import { RenewStartButton } from "@/components/renew/renew-start-button";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { getT } from "@/lib/i18n/server";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { listRenewableCertificates, type RenewableCertificate } from "@/lib/server/orders/renew-list-certificates";
import styles from "@/components/orders/orders.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("services.renew.title"), description: t("services.renew.lead") };
}

const day = (d: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

// 证书更新: logged out, what renewal is (and a login link); logged in, the caller's certificates, each with
// 续期 when it can be renewed now, or why not.
export default async function RenewPage() {
  const user = await getSessionUser();
  if (!user) return <ServiceInfoPage service="renew" start={<OrdersStart />} />;
  const t = await getT();
  const certs = await listRenewableCertificates({ userId: user.id });
  const state = (c: RenewableCertificate) => {
    if (c.block === "expired") return <Badge tone="danger">{t("lifecycleRenew.expired")}</Badge>;
    if (c.block === "revoked") return <Badge tone="danger">{t("lifecycleRenew.reasons.revoked")}</Badge>;
    if (c.block === null || c.block === "inProgress") return <Badge tone="warning">{t("lifecycleRenew.expiringSoon")}</Badge>;
    return <Badge tone="success">{t("lifecycleRenew.daysLeft", { days: c.daysLeft })}</Badge>;
  };
  const action = (c: RenewableCertificate) => {
    if (c.resumePath) return <ButtonLink href={c.resumePath} size="sm">{t("lifecycleRenew.continue")}</ButtonLink>;
    if (c.block === null && c.isMemberRequest) return <Link href="/org">{t("lifecycleRenew.reasons.memberRequest")}</Link>;
    if (c.block === null) return <RenewStartButton certificateId={c.id} />;
    if (c.block === "notYet") return <span>{t("lifecycleRenew.reasons.notYet", { date: day(c.opensAt) })}</span>;
    return <span>{t(`lifecycleRenew.reasons.${c.block}`)}</span>;
  };
  return (
    <div className={styles.page}>
      <PageHeader title={t("lifecycleRenew.title")} description={t("lifecycleRenew.lead")} />
      <Table<RenewableCertificate>
        caption={t("lifecycleRenew.listTitle")}
        rows={certs}
        rowKey={(c) => c.id}
        empty={<EmptyState title={t("lifecycleRenew.empty")} action={<ButtonLink href="/apply">{t("services.apply.title")}</ButtonLink>} />}
        columns={[
          { key: "subject", header: t("lifecycleRenew.columns.subject"), cell: (c) => c.subjectName },
          { key: "serial", header: t("lifecycleRenew.columns.serial"), cell: (c) => <code>{c.serialHex.slice(0, 16)}…</code> },
          { key: "notAfter", header: t("lifecycleRenew.columns.notAfter"), cell: (c) => day(c.notAfter) },
          { key: "state", header: t("lifecycleRenew.columns.state"), cell: state },
          { key: "action", header: t("lifecycleRenew.columns.action"), cell: action },
        ]}
      />
    </div>
  );
}
