import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { openApiDocument } from "@/lib/server/scan/openapi-document";
import type { opensslRecipesExtension } from "@/lib/server/ca/pki-openapi";
import { WEBHOOK_TOLERANCE_SECONDS } from "@/lib/platform/webhook-signature";
import { SEEN_DELIVERY_RETENTION_SECONDS } from "@/lib/platform/webhook-delivery";
import styles from "./developers.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("scan.docs.title") };
}

const RULES = ["signature", "tolerance", "fields", "seen", "sequence", "answer"] as const;

type Op = { summary: string; description?: string; requestBody?: { content: Record<string, { schema?: unknown }> }; responses: Record<string, { description: string }> };
type Schemas = Record<string, unknown>;
/** The parts of the generated document this page reads (zod-openapi types every part as optional). */
type Doc = {
  info: { version: string; description: string };
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Schemas };
  webhooks: { scanRequestUpdated: { post: { summary: string; parameters: Array<{ name: string; description?: string }>; responses: Record<string, { description: string }> } } };
  "x-openssl-recipes": typeof opensslRecipesExtension;
};

const HTTP = new Set(["get", "post", "put", "patch", "delete"]);

/** A request body's schema, with a components reference resolved one level (for reading). */
function bodySchema(op: Op, schemas: Schemas): unknown {
  const media = op.requestBody ? Object.values(op.requestBody.content)[0] : undefined;
  const schema = media?.schema as { $ref?: string } | undefined;
  return schema?.$ref ? schemas[schema.$ref.replace("#/components/schemas/", "")] : schema;
}

/** "**Title.** text" paragraphs of info.description. */
function Paragraph({ text }: { text: string }) {
  const m = /^\*\*(.+?)\*\*\s*([\s\S]*)$/.exec(text);
  return m ? (
    <p>
      <strong>{m[1]}</strong> {m[2]}
    </p>
  ) : (
    <p>{text}</p>
  );
}

/** A readable rendering of /api/v1/openapi.json for platform developers. */
export default async function DevelopersPage() {
  const t = await getT();
  const doc = openApiDocument() as unknown as Doc;
  const schemas = doc.components.schemas;
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, unknown>)
      .filter(([method]) => HTTP.has(method))
      .map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as Op, server: (item as { servers?: Array<{ url: string }> }).servers?.[0]?.url })),
  );
  const [lead, ...sections] = doc.info.description.split("\n\n");
  return (
    <div className={styles.page}>
      <PageHeader title={t("scan.docs.title")} description={lead} />
      <Card title={t("scan.docs.base")}>
        <p>
          <code>{doc.servers[0]!.url}</code> · <a href="/api/v1/openapi.json">openapi.json</a> · v{doc.info.version}
        </p>
        <p>{t("scan.docs.auth")}</p>
        {sections.map((text) => (
          <Paragraph key={text.slice(0, 24)} text={text} />
        ))}
      </Card>
      {ops.map(({ path, method, op, server }) => (
        <Card key={`${method} ${path}`} title={`${method} ${path}`} description={op.summary}>
          {server && (
            <p>
              <code>{server}</code>
            </p>
          )}
          {op.description && <p>{op.description}</p>}
          {op.requestBody !== undefined && (
            <>
              <h3 className={styles.h3}>{t("scan.docs.request")}</h3>
              <pre className={styles.pre}>{JSON.stringify(bodySchema(op, schemas), null, 2)}</pre>
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
      <Card id="client" title={t("scan.docs.client")} description={t("scan.docs.clientLead")}>
        <p>{t("scan.docs.clientGenerate")}</p>
        <pre className={styles.pre} data-testid="client-generate">{`npm i openapi-fetch && npm i -D openapi-typescript
npx openapi-typescript ${doc.servers[0]!.url}/openapi.json -o certdesk-api.d.ts`}</pre>
        <p>{t("scan.docs.clientUse")}</p>
        <pre className={styles.pre}>{`import createClient from "openapi-fetch";
import type { paths } from "./certdesk-api";

const certdesk = createClient<paths>({
  baseUrl: "${doc.servers[0]!.url}",
  headers: { authorization: "Basic " + btoa(clientId + ":" + clientSecret) },
});
const { data, error } = await certdesk.POST("/scan-requests", { body: { type: "login", challenge } });
if (error) throw new Error(error.error.message);
// later: GET /scan-requests/{id}; result is typed by data.type
const { data: done } = await certdesk.GET("/scan-requests/{id}", { params: { path: { id: data.id } } });
if (done?.type === "login" && done.result) verify(done.result.signature, done.result.certificate);`}</pre>
        <p>{t("scan.docs.clientRepo")}</p>
      </Card>
      <Card id="openssl-recipes" title={t("scan.docs.recipes")} description={t("scan.docs.recipesLead")}>
        {doc["x-openssl-recipes"].map((r) => (
          <div key={r.id} data-testid={`recipe-${r.id}`}>
            <h3 className={styles.h3}>{r.title}</h3>
            <ul>
              {Object.entries(r.inputs).map(([file, from]) => (
                <li key={file}>
                  <code>{file}</code> {from}
                </li>
              ))}
            </ul>
            <pre className={styles.pre}>{r.script}</pre>
          </div>
        ))}
      </Card>
      <Card title={t("scan.docs.objects")}>
        <pre className={styles.pre}>{JSON.stringify(doc.components.schemas.ScanRequest, null, 2)}</pre>
        {(["LoginScanRequest", "LoginResult", "SignResult", "DecryptResult", "SyncSubjectResult", "SubjectLibrary", "ScanRequestRecord"] as const).map((name) => (
          <div key={name}>
            <h3 className={styles.h3}>{name}</h3>
            <pre className={styles.pre}>{JSON.stringify(doc.components.schemas[name], null, 2)}</pre>
          </div>
        ))}
        <h3 className={styles.h3}>{t("scan.docs.errors")}</h3>
        <pre className={styles.pre}>{JSON.stringify(doc.components.schemas.Error, null, 2)}</pre>
      </Card>
    </div>
  );
}
