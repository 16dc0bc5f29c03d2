import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { ChannelForm } from "@/components/console/channel-form";
import styles from "@/components/console/console.module.css";
import { AppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getChannel } from "@/lib/server/channels/get-channel";
import { updateChannelAction } from "@/lib/actions/channels/channel-actions";
import { Card } from "@/components/ui/card";
import { FreeSubjectsCard } from "@/components/console/free-subjects-card";
import { listFreeSubjects } from "@/lib/server/channels/list-free-subjects";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.channels.metaTitle") };
}

export default async function EditChannelPage({ params }: { params: Promise<{ channelId: string }> }) {
  const { channelId } = await params;
  const user = await requirePageUser({ permission: "channels.manage", next: `/console/channels/${channelId}` });
  const t = await getT();
  const channel = await getChannel({ user, channelId }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const freeSubjects = await listFreeSubjects({ staff: user, channelId: channel.id });
  const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("review.channels.editTitle", { name: channel.name })}
        breadcrumbsLabel={t("review.order.crumbs")}
        breadcrumbs={[{ label: t("review.channels.title"), href: "/console/channels" }, { label: channel.name }]}
      />
      <ChannelForm
        save={updateChannelAction}
        defaultValues={{
          channelId: channel.id,
          version: channel.updatedAt.toISOString(),
          name: channel.name,
          nameEn: channel.nameEn ?? "",
          allowedMethods: channel.allowedMethods,
          autoApproveIndividual: channel.autoApproveIndividual,
          allowNoInvoice: channel.allowNoInvoice,
          requireTwoReviewers: channel.requireTwoReviewers,
          requireLegalRepApproval: channel.requireLegalRepApproval,
          allowCertAdmins: channel.allowCertAdmins,
          reviewDeskRevocations: channel.reviewDeskRevocations,
          renewalNeedsMaterials: channel.renewalNeedsMaterials,
          reissueNeedsForm: channel.reissueNeedsForm,
          payAfterApproval: channel.payAfterApproval,
          offerUsbKey: channel.offerUsbKey,
          changePrice: yuan(channel.changePriceFen),
          changeMaterialsUnit: channel.changeMaterialsUnit,
          changeMaterialsIndividual: channel.changeMaterialsIndividual,
          supportPhone: channel.supportPhone ?? "",
          mailingAddress: channel.mailingAddress ?? "",
          active: channel.active,
          prices: channel.prices.map((p) => ({ product: p.product as "UNIT_CERT", years: p.years, price: yuan(p.priceFen) })),
        }}
      />
      <Card title={t("freeSubjects.title")} id="free-subjects">
        <FreeSubjectsCard channelId={channel.id} subjects={freeSubjects} />
      </Card>
    </div>
  );
}
