import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { PlatformForm } from "@/components/console/platform-form";
import styles from "@/components/console/console.module.css";
import { AppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getPlatform } from "@/lib/server/platforms/get-platform";
import { createPlatformAction, rotatePlatformSecretAction, updatePlatformAction } from "@/lib/actions/platforms/platform-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.platforms.metaTitle") };
}

export default async function EditPlatformPage({ params }: { params: Promise<{ platformId: string }> }) {
  const { platformId } = await params;
  const user = await requirePageUser({ permission: "platforms.manage", next: `/console/platforms/${platformId}` });
  const t = await getT();
  const p = await getPlatform({ user, platformId }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("review.platforms.editTitle", { name: p.name })}
        breadcrumbsLabel={t("review.order.crumbs")}
        breadcrumbs={[{ label: t("review.platforms.title"), href: "/console/platforms" }, { label: p.name }]}
      />
      <PlatformForm
        platform={{ id: p.id, code: p.code, clientId: p.clientId, name: p.name, nameEn: p.nameEn ?? "", homepage: p.homepage ?? "", callbackUrls: p.callbackUrls.join("\n"), webhookUrl: p.webhookUrl ?? "", latitude: p.latitude === null ? "" : String(p.latitude), longitude: p.longitude === null ? "" : String(p.longitude), active: p.active }}
        create={createPlatformAction}
        update={updatePlatformAction}
        rotate={rotatePlatformSecretAction}
      />
    </div>
  );
}
