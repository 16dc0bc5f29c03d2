import { z } from "zod";

// Environment, parsed once. A bad value stops the start with a message naming the variable.
const ZEnvSchema = z.object({
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
  SMS_PROVIDER: z.enum(["outbox"]).default("outbox"),
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
  SUPPORT_PHONE: z.string().default("400-000-0000"),
  JOB_WORKER: z.enum(["on", "off"]).default("on"),
  // Test-only routes that create orders directly (end-to-end fixtures). Never on a real desk.
  CERTDESK_E2E_FIXTURES: z.enum(["0", "1"]).default("0"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
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

/** For tests that change variables. */
export function resetEnvCache() {
  cached = undefined;
}
