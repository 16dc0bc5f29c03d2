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

/** A coordinate typed in the console: empty is none; otherwise decimal degrees within [-max, max]. */
const ZDegrees = (max: number, message: string) =>
  z
    .union([z.number(), z.string().trim()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      const n = typeof v === "number" ? v : /^-?\d{1,3}(\.\d{1,8})?$/.test(v) ? Number(v) : NaN;
      if (!Number.isFinite(n) || Math.abs(n) > max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });

const platformFields = {
  name: z.string().trim().min(2, "review.errors.required").max(100, "review.errors.tooLong"),
  nameEn: optionalText(120),
  homepage: z.union([z.literal("").transform(() => null), ZUrl]).optional().transform((v) => v ?? null),
  callbackUrls: ZUrlLines,
  webhookUrl: z.union([z.literal("").transform(() => null), ZUrl]).optional().transform((v) => v ?? null),
  active: z.boolean().default(true),
  // Where the platform is (WGS-84): the phone preselects the nearest one. Optional, but both or neither.
  latitude: ZDegrees(90, "review.errors.latitudeInvalid"),
  longitude: ZDegrees(180, "review.errors.longitudeInvalid"),
};

const bothOrNeither = (v: { latitude: number | null; longitude: number | null }, ctx: z.RefinementCtx) => {
  if ((v.latitude === null) !== (v.longitude === null)) {
    ctx.addIssue({ code: "custom", message: "review.errors.coordinatesPair", path: [v.latitude === null ? "latitude" : "longitude"] });
  }
};

export const ZCreatePlatformSchema = z.object({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, "review.errors.codeInvalid"),
  ...platformFields,
}).superRefine(bothOrNeither);
export type TCreatePlatformInput = z.input<typeof ZCreatePlatformSchema>;

export const ZUpdatePlatformSchema = z.object({ platformId: z.string().min(1).max(40), ...platformFields }).superRefine(bothOrNeither);
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
