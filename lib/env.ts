import { z } from "zod";
import { CodePurpose } from "@/lib/generated/prisma/enums";

/**
 * The notices the desk texts besides codes, one gateway template each (real gateways approve fixed
 * texts with variables, not free text); their wording is in lib/server/notify/templates.ts.
 */
export const SMS_NOTICE_TEMPLATES = [
  "face_link",
  "authorization_link",
  "order_submitted_AWAITING_PAYMENT",
  "order_submitted_IN_REVIEW",
  "order_submitted_APPROVED",
  "order_submitted_AWAITING_PAPER",
  "order_paid_IN_REVIEW",
  "order_paid_APPROVED",
  "order_paid_AWAITING_PAPER",
  "review_approved",
  "review_rejected",
  "pin_reset_notice",
  "org_request_received",
  "org_request_decided",
  "cert_expiring",
  "revocation_refused",
  "shipment_shipped",
] as const;

/** The SMS template names the desk sends; each maps to a gateway template id. */
export const SMS_TEMPLATE_NAMES = [...Object.values(CodePurpose).map((p) => `code_${p}` as const), ...SMS_NOTICE_TEMPLATES] as const;

/** The variable holding the gateway template id of an SMS template: code_LOGIN → SMS_TEMPLATE_CODE_LOGIN. */
export function smsTemplateVariable(template: string): `SMS_TEMPLATE_${string}` {
  return `SMS_TEMPLATE_${template.toUpperCase()}`;
}

// What each real SMS gateway needs (besides one template id per template name).
const SMS_GATEWAY_VARIABLES = {
  aliyun: ["SMS_ALIYUN_ACCESS_KEY_ID", "SMS_ALIYUN_ACCESS_KEY_SECRET", "SMS_ALIYUN_SIGN_NAME"],
  tencent: ["SMS_TENCENT_SECRET_ID", "SMS_TENCENT_SECRET_KEY", "SMS_TENCENT_SDK_APP_ID", "SMS_TENCENT_SIGN_NAME"],
} as const;

// An endpoint override: a host ("dysmsapi.aliyuncs.com") or a URL ("http://127.0.0.1:8080" for tests, a private endpoint).
const ZEndpoint = z
  .string()
  .regex(/^(https?:\/\/)?[A-Za-z0-9.-]+(:\d{1,5})?\/?$/, "must be a host[:port] or an http(s)://host[:port] URL")
  .optional();

// A positive cap or pool size; unset or empty means the default.
const ZCount = (fallback: number) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().default(fallback));

// Environment, parsed once. A bad value stops the start with a message naming the variable.
const ZEnvFields = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Folder for the embedded database, generated secrets and local files.
  DATA_DIR: z.string().default(".data"),
  APP_URL: z.url().default("http://localhost:3000"),
  // Signs session tokens. Generated into DATA_DIR when unset (single-machine default).
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // 32-byte key-encryption key (hex or base64) for key shares, CA keys and platform secrets.
  CERTDESK_KEK: z.string().optional(),
  // Earlier KEKs, comma-separated, while `npm run kek:rotate` re-wraps what they sealed.
  CERTDESK_KEK_PREVIOUS: z.string().optional(),
  // Where CA keys live: "local" (sealed under the KEK in the database). "pkcs11" and "sdf" are the
  // names for HSM drivers (lib/server/ca/key-custody.ts); none is built in yet.
  CERTDESK_KEY_CUSTODY: z
    .enum(["local", "pkcs11", "sdf"])
    .default("local")
    .refine((v) => v === "local", "no HSM driver is built into this desk yet: only \"local\" works"),
  // Public key (hex, 04…) of the key-management key that encryption-key shares are escrowed to
  // (`npm run kmc -- init` prints it). Its private half stays with the key-management centre.
  CERTDESK_KMK_PUBLIC_KEY: z
    .string()
    .regex(/^04[0-9a-fA-F]{128}$/, "must be an uncompressed SM2 public key in hex (04 followed by 128 hex digits)")
    .transform((v) => v.toLowerCase())
    .optional(),
  // Demo mode: messages go to the public outbox (/dev/outbox) and every page says so. `npm start`
  // turns it on when no SMS gateway is configured; unset elsewhere means on only outside production.
  CERTDESK_DEMO: z.enum(["0", "1"]).optional(),
  // Number of reverse proxies in front of the app (which X-Forwarded-For hop is the client).
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Verification-code caps: per number (all purposes) and per client address, an hour and a day.
  SMS_PHONE_HOURLY_CAP: ZCount(5),
  SMS_PHONE_DAILY_CAP: ZCount(10),
  SMS_IP_HOURLY_CAP: ZCount(30),
  SMS_IP_DAILY_CAP: ZCount(100),
  // Scan requests a trading platform may create per minute.
  SCAN_PLATFORM_PER_MINUTE: ZCount(600),
  // Connections per instance to PostgreSQL (node-postgres pool size).
  DB_POOL_MAX: ZCount(10),
  // Named prepared statements on each PostgreSQL connection (PostgreSQL parses and plans each query
  // text once per connection). "off" behind a transaction-mode pooler that cannot keep them.
  DB_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
  // Any value: the migration engine's log lines go to stderr.
  PRISMA_ENGINE_DEBUG: z.string().optional(),
  SMS_PROVIDER: z.enum(["outbox", "aliyun", "tencent"]).default("outbox"),
  // Aliyun SMS (dysmsapi 2017-05-25).
  SMS_ALIYUN_ACCESS_KEY_ID: z.string().min(1).optional(),
  SMS_ALIYUN_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  SMS_ALIYUN_SIGN_NAME: z.string().min(1).optional(),
  SMS_ALIYUN_REGION: z.string().default("cn-hangzhou"),
  SMS_ALIYUN_ENDPOINT: ZEndpoint,
  // Tencent Cloud SMS (2021-01-11).
  SMS_TENCENT_SECRET_ID: z.string().min(1).optional(),
  SMS_TENCENT_SECRET_KEY: z.string().min(1).optional(),
  SMS_TENCENT_SDK_APP_ID: z.string().regex(/^\d+$/, "must be the numeric SmsSdkAppId").optional(),
  SMS_TENCENT_SIGN_NAME: z.string().min(1).optional(),
  SMS_TENCENT_REGION: z.string().default("ap-guangzhou"),
  SMS_TENCENT_ENDPOINT: ZEndpoint,
  // Gateway template id per SMS template (SMS_TEMPLATE_CODE_LOGIN, …, SMS_TEMPLATE_GENERIC).
  ...Object.fromEntries(SMS_TEMPLATE_NAMES.map((name) => [smsTemplateVariable(name), z.string().min(1).optional()])) as {
    [K in (typeof SMS_TEMPLATE_NAMES)[number] as `SMS_TEMPLATE_${Uppercase<K>}`]: z.ZodOptional<z.ZodString>;
  },
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().default("CertDesk <no-reply@certdesk.local>"),
  IDENTITY_PROVIDER: z.enum(["sandbox"]).default("sandbox"),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_", "must start with sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must start with whsec_").optional(),
  STRIPE_API_HOST: z.string().optional(),
  STORAGE_DIR: z.string().optional(),
  // S3-compatible object storage (AWS S3, MinIO, OSS/COS S3 endpoints) for several app instances;
  // used when S3_BUCKET is set, the local folder otherwise.
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("true"),
  // The hotline in the footer, help and error pages (empty: the default).
  SUPPORT_PHONE: z.string().default("400-000-0000"),
  // The operator's ICP record number (备案号), shown in the footer with a link to the MIIT register.
  ICP_RECORD: z.string().optional(),
  // A TrueType font for invoices instead of the packaged Noto Sans SC (empty: the packaged one).
  PDF_FONT_PATH: z.string().optional(),
  JOB_WORKER: z.enum(["on", "off"]).default("on"),
  // A RUNNING job whose instance died is taken again by another worker after this many seconds
  // (longer than any job runs; the cluster fault tests shorten it).
  JOB_LEASE_SECONDS: ZCount(300),
  // Test-only routes that create orders directly (end-to-end fixtures). Never on a real desk.
  CERTDESK_E2E_FIXTURES: z.enum(["0", "1"]).default("0"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

// A real gateway needs all of its variables and a template id for every message the desk sends.
const ZEnvSchema = ZEnvFields.superRefine((e, ctx) => {
  if (e.SMS_PROVIDER === "outbox") return;
  const required = [...SMS_GATEWAY_VARIABLES[e.SMS_PROVIDER], ...SMS_TEMPLATE_NAMES.map(smsTemplateVariable)];
  for (const name of required) {
    if (!(e as Record<string, unknown>)[name]) ctx.addIssue({ code: "custom", path: [name], message: `required when SMS_PROVIDER=${e.SMS_PROVIDER}` });
  }
});

export type Env = z.infer<typeof ZEnvSchema>;

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = ZEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/**
 * One variable read now through its schema entry, not from the cached parse: for the SMS code caps,
 * which have always been read at each use (a test lowers one for a single case). A bad value
 * fails as at start-up, naming the variable.
 */
export function envNow<K extends keyof typeof ZEnvFields.shape>(name: K): Env[K] {
  const field = ZEnvFields.shape[name] as unknown as z.ZodType<Env[K]>;
  const result = field.safeParse(process.env[name]);
  if (!result.success) throw new Error(`Invalid environment:\n  ${name}: ${result.error.issues[0]?.message}`);
  return result.data;
}

/** For tests that change variables. */
export function resetEnvCache() {
  cached = undefined;
}

/**
 * Demo mode: the outbox is public and a banner says so on every page. On when CERTDESK_DEMO=1;
 * when the variable is unset, on only outside production (next dev, tests) — so `next start` run
 * directly is not a demo, and refuses to start with the outbox (assertProductionConfig).
 */
export function isDemoMode(e: Env = env()): boolean {
  return e.CERTDESK_DEMO === undefined ? e.NODE_ENV !== "production" : e.CERTDESK_DEMO === "1";
}
