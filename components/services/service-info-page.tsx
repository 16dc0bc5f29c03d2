import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { splitLines } from "@/components/ui/split-lines";
import { supportPhone } from "@/components/shell/support-phone";
import { getT } from "@/lib/i18n/server";
import styles from "./service-info-page.module.css";

export type ServiceKey = "apply" | "renew" | "change" | "revoke" | "seals";

const RELATED: readonly { key: ServiceKey; href: string }[] = [
  { key: "apply", href: "/apply" },
  { key: "renew", href: "/renew" },
  { key: "change", href: "/change" },
  { key: "revoke", href: "/revoke" },
  { key: "seals", href: "/seals" },
];

/**
 * The information page of one desk service: what it is, who it is for, materials, steps, fees,
 * and a start panel (the route where its online flow begins).
 */
export async function ServiceInfoPage({
  service,
  start,
  notice,
}: {
  service: ServiceKey;
  /** The start panel's content: buttons to the flow's first route. */
  start: ReactNode;
  /** Shown above the sections, e.g. a warning before revoking. */
  notice?: ReactNode;
}) {
  const t = await getT();
  const phone = supportPhone();
  const sections = [
    { id: "who", title: t("services.sections.who"), items: splitLines(t(`services.${service}.who`)), ordered: false },
    { id: "materials", title: t("services.sections.materials"), items: splitLines(t(`services.${service}.materials`)), ordered: false },
    { id: "steps", title: t("services.sections.steps"), items: splitLines(t(`services.${service}.steps`)), ordered: true },
  ];

  return (
    <div className={styles.page}>
      <div className={styles.headBand}>
        <div className="container">
          <PageHeader
            title={t(`services.${service}.title`)}
            description={t(`services.${service}.lead`)}
            breadcrumbsLabel={t("shell.ui.breadcrumbs")}
            breadcrumbs={[{ label: t("shell.nav.home"), href: "/" }, { label: t(`services.${service}.title`) }]}
            className={styles.header}
          />
        </div>
      </div>

      <div className={`container ${styles.body}`}>
        <div className={styles.grid}>
          <div className={styles.main}>
            {notice}
            <section className={styles.section} aria-labelledby="what">
              <h2 id="what">{t("services.sections.what")}</h2>
              <p>{t(`services.${service}.what`)}</p>
            </section>
            {sections.map((s) => {
              const List = s.ordered ? "ol" : "ul";
              return (
                <section key={s.id} className={styles.section} aria-labelledby={s.id}>
                  <h2 id={s.id}>{s.title}</h2>
                  <List className={s.ordered ? styles.steps : styles.bullets}>
                    {s.items.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </List>
                </section>
              );
            })}
            <section className={styles.section} aria-labelledby="fees">
              <h2 id="fees">{t("services.sections.fees")}</h2>
              <p>
                <strong className={styles.price}>{t("services.feesPrice")}</strong>
              </p>
              <p>{t(`services.${service}.fees`)}</p>
            </section>
          </div>

          <aside className={styles.aside}>
            <section className={styles.startCard} aria-labelledby="start">
              <h2 id="start">{t("services.sections.start")}</h2>
              {start}
            </section>
            <p className={styles.help}>
              {t("services.needHelp")}{" "}
              <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} className={styles.phone}>
                {phone}
              </a>
              {" · "}
              <Link href="/help">{t("shell.nav.help")}</Link>
            </p>
            <nav aria-labelledby="related" className={styles.related}>
              <h2 id="related">{t("services.sections.related")}</h2>
              <ul>
                {RELATED.filter((r) => r.key !== service).map((r) => (
                  <li key={r.key}>
                    <Link href={r.href}>{t(`services.${r.key}.title`)}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          </aside>
        </div>
      </div>
    </div>
  );
}
