import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { openApiDocument } from "@/lib/server/scan/openapi-document";
import { WEBHOOK_TOLERANCE_SECONDS } from "@/lib/platform/webhook-signature";
import { SEEN_DELIVERY_RETENTION_SECONDS } from "@/lib/platform/webhook-delivery";
import styles from "./developers.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("scan.docs.title") };
}

const RULES = ["signature", "tolerance", "fields", "seen", "sequence", "answer"] as const;

type Op = { summary: string; requestBody?: unknown; responses: Record<string, { description: string }>; parameters?: unknown[] };

/** A readable rendering of /api/v1/openapi.json for platform developers. */
export default async function DevelopersPage() {
  const t = await getT();
  const doc = openApiDocument();
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Op>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <div className={styles.page}>
      <PageHeader title={t("scan.docs.title")} description={doc.info.description} />
      <Card title={t("scan.docs.base")}>
        <p>
          <code>{doc.servers[0]!.url}</code> · <a href="/api/v1/openapi.json">openapi.json</a>
        </p>
        <p>{t("scan.docs.auth")}</p>
      </Card>
      {ops.map(({ path, method, op }) => (
        <Card key={`${method} ${path}`} title={`${method} ${path}`} description={op.summary}>
          {op.requestBody !== undefined && (
            <>
              <h3 className={styles.h3}>{t("scan.docs.request")}</h3>
              <pre className={styles.pre}>{JSON.stringify(doc.components.schemas.CreateScanRequest, null, 2)}</pre>
            </>
          )}
          <h3 className={styles.h3}>{t("scan.docs.responses")}</h3>
          <ul>
            {Object.entries(op.responses).map(([code, r]) => (
              <li key={code}>
                <code>{code}</code> {r.description}
              </li>
            ))}
          </ul>
        </Card>
      ))}
      <Card title={t("scan.docs.webhooks")} description={doc.webhooks.scanRequestUpdated.post.summary}>
        <p>{t("scan.docs.webhooksIntro")}</p>
        <h3 className={styles.h3}>{t("scan.docs.webhookHeaders")}</h3>
        <ul>
          {doc.webhooks.scanRequestUpdated.post.parameters.map((p) => (
            <li key={p.name}>
              <code>{p.name}</code> {p.description}
            </li>
          ))}
        </ul>
        <h3 className={styles.h3}>{t("scan.docs.webhookBody")}</h3>
        <pre className={styles.pre}>{JSON.stringify(doc.components.schemas.WebhookDelivery, null, 2)}</pre>
        <h3 className={styles.h3}>{t("scan.docs.webhookRulesTitle")}</h3>
        <ol data-testid="webhook-rules">
          {RULES.map((rule) => (
            <li key={rule}>{t(`scan.docs.webhookRules.${rule}`, { seconds: WEBHOOK_TOLERANCE_SECONDS, retention: SEEN_DELIVERY_RETENTION_SECONDS })}</li>
          ))}
        </ol>
        <h3 className={styles.h3}>{t("scan.docs.responses")}</h3>
        <ul>
          {Object.entries(doc.webhooks.scanRequestUpdated.post.responses).map(([code, r]) => (
            <li key={code}>
              <code>{code}</code> {r.description}
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("scan.docs.objects")}>
        <pre className={styles.pre}>{JSON.stringify(doc.components.schemas.ScanRequest, null, 2)}</pre>
        <h3 className={styles.h3}>{t("scan.docs.errors")}</h3>
        <pre className={styles.pre}>{JSON.stringify(doc.components.schemas.Error, null, 2)}</pre>
      </Card>
    </div>
  );
}
