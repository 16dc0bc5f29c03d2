import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PdfVerifyForm } from "@/components/seals-verify/pdf-verify-form";
import styles from "@/components/seals-verify/pdf-verify.module.css";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("sealsUse.verify.title"), description: t("sealsUse.verify.lead") };
}

// 验签: anyone holding a signed PDF may check it (a relying party needs no account), like /lookup.
export default async function VerifyPage() {
  const t = await getT();
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("sealsUse.verify.title")}
        description={t("sealsUse.verify.lead")}
        breadcrumbsLabel={t("shell.ui.breadcrumbs")}
        breadcrumbs={[{ label: t("shell.nav.home"), href: "/" }, { label: t("sealsUse.verify.title") }]}
      />
      <Card padding="lg">
        <PdfVerifyForm />
      </Card>
    </div>
  );
}
