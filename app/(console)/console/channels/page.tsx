import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import styles from "@/components/console/console.module.css";
import { formatFen } from "@/components/orders/format-fen";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listChannels } from "@/lib/server/channels/list-channels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.channels.metaTitle") };
}

export default async function ChannelsPage() {
  const user = await requirePageUser({ permission: "channels.manage", next: "/console/channels" });
  const t = await getT();
  const channels = await listChannels({ user });
  return (
    <div className={styles.page}>
      <PageHeader title={t("review.channels.title")} description={t("review.channels.lead")} />
      <Table
        caption={t("review.channels.title")}
        isCaptionHidden
        rows={channels}
        rowKey={(c) => c.id}
        columns={[
          { key: "name", header: t("review.channels.name"), cell: (c) => <><strong>{t.locale === "en" && c.nameEn ? c.nameEn : c.name}</strong> <span className={styles.mono}>{c.code}</span> {!c.active && <Badge>{t("review.channels.inactive")}</Badge>}</> },
          { key: "methods", header: t("review.channels.methods"), cell: (c) => c.allowedMethods.map((m) => t(`identity.method.${m}`)).join("、") },
          {
            key: "rules",
            header: t("review.channels.rules"),
            cell: (c) => (
              <span className={styles.inlineActions}>
                {c.requireTwoReviewers && <Badge tone="info">{t("review.channels.fourEyes")}</Badge>}
                {c.autoApproveIndividual && <Badge tone="warning">{t("review.channels.autoApprove")}</Badge>}
              </span>
            ),
          },
          { key: "prices", header: t("review.channels.prices"), cell: (c) => <span className={styles.muted}>{c.prices.map((p) => `${t(`review.channels.products.${p.product}`)} ${p.years}y ${formatFen(p.priceFen)}`).join(" · ")}</span> },
          { key: "orders", header: t("review.channels.orders"), align: "end", cell: (c) => c._count.orders },
          { key: "edit", header: t("review.common.actions"), align: "end", isLabelHiddenOnPhone: true, cell: (c) => <ButtonLink href={`/console/channels/${c.id}`} size="sm" variant="outline">{t("review.common.edit")}</ButtonLink> },
        ]}
      />
    </div>
  );
}
