import { platformRoute } from "@/lib/server/http/platform-route";
import { ZPutWebhookSettingsSchema, ZWebhookSettingsSchema } from "@/lib/server/platforms/platform.types";
import { getWebhookSettings, putWebhookSettings } from "@/lib/server/platforms/webhook-settings";
import { methodsNotAllowed } from "@/lib/server/http/methods-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/v1/platform/webhook — the calling platform's webhook URL and registered callback URLs
export const GET = platformRoute(({ platform }) => getWebhookSettings({ platformId: platform.id }), { response: ZWebhookSettingsSchema });

// PUT /api/v1/platform/webhook — set or remove (null) the webhook URL; same origin as a callback URL, https outside demo mode
export const PUT = platformRoute(({ platform, input, ip }) => putWebhookSettings({ platformId: platform.id, input, ip }), {
  body: ZPutWebhookSettingsSchema,
  response: ZWebhookSettingsSchema,
});

// Any other method: a JSON 405 with Allow.
export const { POST, PATCH, DELETE } = methodsNotAllowed(["GET", "PUT"]);
