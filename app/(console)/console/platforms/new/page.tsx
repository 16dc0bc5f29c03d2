import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { PlatformForm } from "@/components/console/platform-form";
import styles from "@/components/console/console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { createPlatformAction, rotatePlatformSecretAction, updatePlatformAction } from "@/lib/actions/platforms/platform-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.platforms.createTitle") };
}

export default async function NewPlatformPage() {
  await requirePageUser({ permission: "platforms.manage", next: "/console/platforms/new" });
  const t = await getT();
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("review.platforms.createTitle")}
        breadcrumbsLabel={t("review.order.crumbs")}
        breadcrumbs={[{ label: t("review.platforms.title"), href: "/console/platforms" }, { label: t("review.platforms.createTitle") }]}
      />
      <PlatformForm create={createPlatformAction} update={updatePlatformAction} rotate={rotatePlatformSecretAction} />
    </div>
  );
}
