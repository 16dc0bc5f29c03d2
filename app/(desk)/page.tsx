import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { FeatureIcon, type FeatureIconName } from "@/components/landing/feature-icon";
import { MethodTable, type MethodRow } from "@/components/landing/method-table";
import { methodName } from "@/components/identity/method-name";
import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import { Alert } from "@/components/ui/alert";
import { splitLines } from "@/components/ui/split-lines";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getT } from "@/lib/i18n/server";
import { db } from "@/lib/db/client";
import { resolveChannel } from "@/lib/server/channels/resolve-channel";
import styles from "./landing.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("landing.metaTitle"), description: t("landing.metaDescription") };
}

const USES = [
  { icon: "login", title: "landing.what.loginTitle", body: "landing.what.loginBody" },
  { icon: "sign", title: "landing.what.signTitle", body: "landing.what.signBody" },
  { icon: "decrypt", title: "landing.what.decryptTitle", body: "landing.what.decryptBody" },
] as const satisfies readonly { icon: FeatureIconName; title: MessageKey; body: MessageKey }[];

const STEPS = [
  ["landing.steps.s1Title", "landing.steps.s1Body"],
  ["landing.steps.s2Title", "landing.steps.s2Body"],
  ["landing.steps.s3Title", "landing.steps.s3Body"],
  ["landing.steps.s4Title", "landing.steps.s4Body"],
] as const satisfies readonly (readonly [MessageKey, MessageKey])[];

const SECURITY = [
  { icon: "key", title: "landing.security.keyTitle", body: "landing.security.keyBody" },
  { icon: "chip", title: "landing.security.smTitle", body: "landing.security.smBody" },
  { icon: "law", title: "landing.security.lawTitle", body: "landing.security.lawBody" },
  { icon: "shield", title: "landing.security.privacyTitle", body: "landing.security.privacyBody" },
] as const satisfies readonly { icon: FeatureIconName; title: MessageKey; body: MessageKey }[];

export default async function LandingPage() {
  const t = await getT();
  // Step 4's wait follows the desk's own channel: an individual it auto-approves waits for no review.
  const channel = await resolveChannel(db).catch(() => null);
  const steps = STEPS.map(([title, body]) => [title, body === "landing.steps.s4Body" && channel?.autoApproveIndividual ? "landing.steps.s4BodyAuto" : body] as const);

  const unit = (m: VerificationMethod) => methodName(t, m, { isLegalRep: true });
  const unitMethods: MethodRow[] = [
    { key: "corp-deposit", method: unit("CORP_DEPOSIT"), materials: t("landing.types.corpDepositMaterials"), timing: t("landing.types.corpDepositTiming") },
    { key: "legal-phone3", method: unit("PHONE3"), materials: t("landing.types.legalPhone3Materials"), timing: t("landing.types.instant") },
    { key: "legal-bank4", method: unit("BANK4"), materials: t("landing.types.legalBank4Materials"), timing: t("landing.types.instant") },
    { key: "legal-face", method: unit("FACE"), materials: t("landing.types.legalFaceMaterials"), timing: t("landing.types.instant") },
  ];
  const individualMethods: MethodRow[] = [
    { key: "phone3", method: methodName(t, "PHONE3"), materials: t("landing.types.phone3Materials"), timing: t("landing.types.instant") },
    { key: "bank4", method: methodName(t, "BANK4"), materials: t("landing.types.bank4Materials"), timing: t("landing.types.instant") },
    { key: "face", method: methodName(t, "FACE"), materials: t("landing.types.faceMaterials"), timing: t("landing.types.instant") },
    { key: "personal-deposit", method: methodName(t, "PERSONAL_DEPOSIT"), materials: t("landing.types.personalDepositMaterials"), timing: t("landing.types.personalDepositTiming") },
  ];
  const headers = { method: t("terms.method"), materials: t("landing.types.materials"), timing: t("landing.types.timing") };

  return (
    <>
      <section className={styles.hero} aria-labelledby="hero-title">
        <div className={`container ${styles.heroGrid}`}>
          <div className={styles.heroText}>
            <p className={styles.eyebrow}>{t("landing.hero.eyebrow")}</p>
            <h1 id="hero-title" className={styles.heroTitle}>
              {splitLines(t("landing.hero.title")).map((line) => (
                <span key={line}>{line}</span>
              ))}
            </h1>
            <p className={styles.heroLead}>{t("landing.hero.lead")}</p>
            <div className={styles.heroActions}>
              <ButtonLink href="/apply" variant="inverse" size="lg" data-testid="cta-apply">
                {t("landing.hero.cta")}
              </ButtonLink>
              <ButtonLink href="/m" variant="outline" size="lg" className={styles.heroSecondary}>
                <FeatureIcon name="phone" size={18} />
                {t("landing.hero.app")}
              </ButtonLink>
            </div>
            <ul className={styles.trust}>
              {splitLines(t("landing.hero.trust")).map((item) => (
                <li key={item}>
                  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                    <path d="M3 8.5l3.2 3L13 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                  </svg>
                  {item}
                </li>
              ))}
            </ul>
          </div>

          <div className={styles.heroVisual} aria-hidden="true">
            <div className={styles.device}>
              <div className={styles.deviceBar} />
              <div className={styles.deviceScreen}>
                <p className={styles.deviceTitle}>{t("landing.hero.panelTitle")}</p>
                <div className={styles.deviceQr}>
                  <FeatureIcon name="qr" size={64} />
                </div>
                <ul className={styles.deviceList}>
                  <li>
                    <FeatureIcon name="login" size={18} />
                    {t("landing.hero.panelLogin")}
                  </li>
                  <li>
                    <FeatureIcon name="sign" size={18} />
                    {t("landing.hero.panelSign")}
                  </li>
                  <li>
                    <FeatureIcon name="decrypt" size={18} />
                    {t("landing.hero.panelDecrypt")}
                  </li>
                </ul>
                <p className={styles.devicePin}>
                  <span>●●●●●●</span>
                  {t("landing.hero.panelPin")}
                </p>
              </div>
            </div>
          </div>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="what-title">
        <div className="container">
          <div className={styles.sectionHead}>
            <h2 id="what-title">{t("landing.what.title")}</h2>
            <p>{t("landing.what.body")}</p>
          </div>
          <ul className={styles.uses}>
            {USES.map((u) => (
              <li key={u.title} className={styles.useCard}>
                <span className={styles.iconBadge}>
                  <FeatureIcon name={u.icon} />
                </span>
                <h3>{t(u.title)}</h3>
                <p>{t(u.body)}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className={`${styles.section} ${styles.band}`} aria-labelledby="steps-title">
        <div className="container">
          <div className={styles.sectionHead}>
            <h2 id="steps-title">{t("landing.steps.title")}</h2>
            <p>{t("landing.steps.lead")}</p>
          </div>
          <ol className={styles.steps}>
            {steps.map(([title, body], i) => (
              <li key={title} className={styles.step}>
                <span className={styles.stepNo} aria-hidden="true">
                  {i + 1}
                </span>
                <h3>{t(title)}</h3>
                <p data-testid={`landing-step-${i + 1}`}>{t(body)}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="types-title">
        <div className="container">
          <div className={styles.sectionHead}>
            <h2 id="types-title">{t("landing.types.title")}</h2>
            <p>{t("landing.types.lead")}</p>
          </div>
          <div className={styles.types}>
            <article className={styles.typeCard} aria-labelledby="type-unit">
              <div className={styles.typeIntro}>
                <h3 id="type-unit">{t("landing.types.unitTitle")}</h3>
                <p>{t("landing.types.unitBody")}</p>
                <ButtonLink href="/apply/unit" variant="primary">
                  {t("landing.types.unitApply")}
                </ButtonLink>
              </div>
              <div className={styles.typeDetail}>
                <MethodTable caption={t("landing.types.unitTitle")} rows={unitMethods} headers={headers} />
                <p className={styles.note}>{t("landing.types.unitNote")}</p>
              </div>
            </article>
            <article className={styles.typeCard} aria-labelledby="type-individual">
              <div className={styles.typeIntro}>
                <h3 id="type-individual">{t("landing.types.individualTitle")}</h3>
                <p>{t("landing.types.individualBody")}</p>
                <ButtonLink href="/apply/individual" variant="primary">
                  {t("landing.types.individualApply")}
                </ButtonLink>
              </div>
              <div className={styles.typeDetail}>
                <MethodTable caption={t("landing.types.individualTitle")} rows={individualMethods} headers={headers} />
              </div>
            </article>
          </div>
        </div>
      </section>

      <div className={`${styles.section} ${styles.band}`}>
        <div className={`container ${styles.trustGrid}`}>
          <section className={styles.fees} aria-labelledby="fees-title">
            <h2 id="fees-title">{t("landing.fees.title")}</h2>
            <p className={styles.price}>{t("landing.fees.price")}</p>
            <p>{t("landing.fees.body")}</p>
            <Alert tone="warning" isLive={false}>
              {t("landing.fees.warning")}
            </Alert>
          </section>
          <section aria-labelledby="security-title">
            <h2 id="security-title" className={styles.securityTitle}>
              {t("landing.security.title")}
            </h2>
            <ul className={styles.security}>
              {SECURITY.map((s) => (
                <li key={s.title}>
                  <span className={styles.iconBadge}>
                    <FeatureIcon name={s.icon} />
                  </span>
                  <div>
                    <h3>{t(s.title)}</h3>
                    <p>{t(s.body)}</p>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>

      <section className={styles.cta} aria-labelledby="cta-title">
        <div className={`container ${styles.ctaInner}`}>
          <div>
            <h2 id="cta-title">{t("landing.cta.title")}</h2>
            <p>{t("landing.cta.body")}</p>
          </div>
          <div className={styles.ctaActions}>
            <ButtonLink href="/apply" variant="inverse" size="lg">
              {t("landing.cta.apply")}
            </ButtonLink>
            <ButtonLink href="/m" variant="outline" size="lg" className={styles.heroSecondary}>
              {t("landing.cta.app")}
            </ButtonLink>
            <ButtonLink href="/help" variant="ghost" size="lg" className={styles.ctaGhost}>
              {t("landing.cta.help")}
            </ButtonLink>
          </div>
        </div>
      </section>
    </>
  );
}
