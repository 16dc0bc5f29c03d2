import type { Metadata } from "next";
import { ServiceInfoPage } from "@/components/services/service-info-page";
import { ButtonLink } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import styles from "./apply.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("services.apply.title"), description: t("services.apply.lead") };
}

export default async function ApplyInfoPage() {
  const t = await getT();
  return (
    <ServiceInfoPage
      service="apply"
      start={
        <div className={styles.choices}>
          <div className={styles.choice}>
            <h3>{t("services.apply.unitTitle")}</h3>
            <p>{t("services.apply.unitBody")}</p>
            <ButtonLink href="/apply/unit" block size="lg">
              {t("services.apply.unitCta")}
            </ButtonLink>
          </div>
          <div className={styles.choice}>
            <h3>{t("services.apply.individualTitle")}</h3>
            <p>{t("services.apply.individualBody")}</p>
            <ButtonLink href="/apply/individual" block size="lg" variant="secondary">
              {t("services.apply.individualCta")}
            </ButtonLink>
          </div>
        </div>
      }
    />
  );
}
