import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { isIdentitySandbox } from "@/lib/identity/get-identity-provider";
import { SANDBOX_IDENTITIES } from "@/lib/identity/sandbox-identities";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getT } from "@/lib/i18n/server";
import styles from "./sandbox-help.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("identity.sandboxHelp.metaTitle") };
}

// /help/sandbox — the documented test identities (only while the identity sandbox is active)
export default async function SandboxHelpPage() {
  if (!isIdentitySandbox()) notFound();
  const t = await getT();
  return (
    <div className={`container ${styles.page}`}>
      <PageHeader title={t("identity.sandboxHelp.title")} description={t("identity.sandboxHelp.lead")} breadcrumbs={[{ label: t("help.title"), href: "/help" }, { label: t("identity.sandboxHelp.metaTitle") }]} />
      <Card padding="none">
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("identity.sandboxHelp.method")}</th>
                <th scope="col">{t("identity.sandboxHelp.input")}</th>
                <th scope="col">{t("identity.sandboxHelp.expect")}</th>
              </tr>
            </thead>
            <tbody>
              {SANDBOX_IDENTITIES.map((id, i) => (
                <tr key={i} data-testid={`sandbox-identity-${id.method}-${id.expect}`}>
                  <td>{t(`identity.method.${id.method}` as MessageKey)}</td>
                  <td>
                    <dl className={styles.fields}>
                      {Object.entries(id.subject).map(([k, v]) => (
                        <div key={k} className={styles.field}>
                          <dt>{t(`identity.subjectField.${k}` as MessageKey)}</dt>
                          <dd>
                            <code>{v}</code>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </td>
                  <td className={id.expect === "PASSED" ? styles.pass : styles.fail}>
                    {id.expect === "PASSED" ? t("identity.sandboxHelp.passed") : t("identity.sandboxHelp.failed", { reason: t(`identity.failReason.${id.reason}` as MessageKey) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Alert tone="info" isLive={false}>
        <p>{t("identity.sandboxHelp.depositNote")}</p>
        <p>{t("identity.sandboxHelp.faceNote")}</p>
      </Alert>
      <Card title={t("identity.sandboxHelp.payTitle")}>
        <p>{t("identity.sandboxHelp.payBody")}</p>
      </Card>
    </div>
  );
}
