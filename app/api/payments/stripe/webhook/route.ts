import { publicRoute } from "@/lib/server/http/public-route";
import { handleStripeWebhook } from "@/lib/server/payments/handle-stripe-webhook";

export const dynamic = "force-dynamic";

// POST /api/payments/stripe/webhook — Stripe events; the signature (over the raw body) is the caller check.
// Stripe is a server, not a browser: no origin check. The raw bytes, not parsed JSON: the signature is over them.
export const POST = publicRoute(
  async ({ raw, req }) => {
    const result = await handleStripeWebhook({ rawBody: new TextDecoder().decode(raw!), signature: req.headers.get("stripe-signature") });
    return { received: true, outcome: result.outcome };
  },
  { crossOrigin: true, accepts: { raw: ["application/json"] }, maxBody: 512 * 1024 },
);
