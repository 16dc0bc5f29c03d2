import { z } from "zod";
import { optionalText } from "@/lib/validators/optional-text";

// The trading-platform pages of the console. Messages are catalogue keys (review.errors.*).
const ZUrl = z.url({ protocol: /^https?$/, error: "review.errors.urlInvalid" });

/** Callback URLs arrive one per line from a textarea. */
const ZUrlLines = z
  .string()
  .max(4000)
  .transform((v) => v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(ZUrl).min(1, "review.errors.callbackRequired").max(20));

const platformFields = {
  name: z.string().trim().min(2, "review.errors.required").max(100, "review.errors.tooLong"),
  nameEn: optionalText(120),
  homepage: z.union([z.literal("").transform(() => null), ZUrl]).optional().transform((v) => v ?? null),
  callbackUrls: ZUrlLines,
  webhookUrl: z.union([z.literal("").transform(() => null), ZUrl]).optional().transform((v) => v ?? null),
  active: z.boolean().default(true),
};

export const ZCreatePlatformSchema = z.object({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, "review.errors.codeInvalid"),
  ...platformFields,
});
export type TCreatePlatformInput = z.input<typeof ZCreatePlatformSchema>;

export const ZUpdatePlatformSchema = z.object({ platformId: z.string().min(1).max(40), ...platformFields });
export type TUpdatePlatformInput = z.input<typeof ZUpdatePlatformSchema>;

export const ZRotatePlatformSecretSchema = z.object({ platformId: z.string().min(1).max(40) });

// PUT /api/v1/platform/webhook — the platform's own webhook URL (null: no webhook).
export const ZPutWebhookSettingsSchema = z.object({
  webhookUrl: z.union([z.url({ protocol: /^https?$/, error: "review.errors.urlInvalid" }).max(500), z.null()]),
}).meta({ id: "PutWebhookSettings" });
export type TPutWebhookSettings = z.infer<typeof ZPutWebhookSettingsSchema>;

/** What GET and PUT /api/v1/platform/webhook answer. */
export const ZWebhookSettingsSchema = z
  .object({
    code: z.string().describe("Your platform's code."),
    webhookUrl: z.url().nullable(),
    callbackUrls: z.array(z.url()).describe("Registered by the CA (console); a webhook URL must be on one of their origins."),
  })
  .meta({ id: "WebhookSettings" });
export type TWebhookSettings = z.infer<typeof ZWebhookSettingsSchema>;
