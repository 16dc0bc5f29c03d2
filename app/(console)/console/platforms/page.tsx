import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listPlatforms } from "@/lib/server/platforms/list-platforms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.platforms.metaTitle") };
}

export default async function PlatformsPage() {
  const user = await requirePageUser({ permission: "platforms.manage", next: "/console/platforms" });
  const t = await getT();
  const platforms = await listPlatforms({ user });
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("review.platforms.title")}
        description={t("review.platforms.lead")}
        actions={<ButtonLink href="/console/platforms/new">{t("review.platforms.create")}</ButtonLink>}
      />
      <Table
        caption={t("review.platforms.title")}
        isCaptionHidden
        rows={platforms}
        rowKey={(p) => p.id}
        columns={[
          { key: "name", header: t("review.platforms.name"), cell: (p) => <><strong>{t.locale === "en" && p.nameEn ? p.nameEn : p.name}</strong> {!p.active && <Badge>{t("review.channels.inactive")}</Badge>}<div className={styles.mono}>{p.code}</div></> },
          { key: "client", header: t("review.platforms.clientId"), cell: (p) => <span className={styles.mono}>{p.clientId}</span> },
          { key: "cb", header: t("review.platforms.callbackUrls"), cell: (p) => <span className={styles.muted}>{p.callbackUrls.join("\n")}</span> },
          { key: "rot", header: t("review.platforms.secretRotatedAt"), cell: (p) => formatDateTime(p.secretRotatedAt ?? p.createdAt, t.locale) },
          { key: "orders", header: t("review.platforms.orders"), align: "end", cell: (p) => p._count.orders },
          { key: "edit", header: t("review.common.actions"), align: "end", isLabelHiddenOnPhone: true, cell: (p) => <ButtonLink href={`/console/platforms/${p.id}`} size="sm" variant="outline">{t("review.common.edit")}</ButtonLink> },
        ]}
      />
    </div>
  );
}
