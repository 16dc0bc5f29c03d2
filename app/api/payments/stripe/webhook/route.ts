import { NextResponse } from "next/server";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { handleStripeWebhook } from "@/lib/server/payments/handle-stripe-webhook";

export const dynamic = "force-dynamic";

// POST /api/payments/stripe/webhook — Stripe events; the signature (over the raw body) is the caller check
export async function POST(req: Request) {
  try {
    // The raw text, not parsed JSON: the signature is over the exact bytes Stripe sent.
    const rawBody = await req.text();
    const result = await handleStripeWebhook({ rawBody, signature: req.headers.get("stripe-signature") });
    return NextResponse.json({ received: true, outcome: result.outcome });
  } catch (err) {
    return toErrorResponse(err, "en");
  }
}
