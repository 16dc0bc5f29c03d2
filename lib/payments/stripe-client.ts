import Stripe from "stripe";
import { env } from "@/lib/env";

let cached: { key: string; host?: string; client: Stripe } | undefined;

/**
 * The Stripe SDK client. STRIPE_API_HOST (e.g. http://127.0.0.1:12111) points it at another API
 * host: the tests run a tiny local server there, since no stripe-mock is available offline.
 */
export function stripeClient(): Stripe {
  const e = env();
  if (!e.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set");
  if (cached?.key === e.STRIPE_SECRET_KEY && cached.host === e.STRIPE_API_HOST) return cached.client;
  let hostOpts: { host?: string; port?: number; protocol?: "http" | "https" } = {};
  if (e.STRIPE_API_HOST) {
    const url = new URL(/^https?:\/\//.test(e.STRIPE_API_HOST) ? e.STRIPE_API_HOST : `https://${e.STRIPE_API_HOST}`);
    hostOpts = { host: url.hostname, port: Number(url.port || (url.protocol === "http:" ? 80 : 443)), protocol: url.protocol === "http:" ? "http" : "https" };
  }
  const client = new Stripe(e.STRIPE_SECRET_KEY, { ...hostOpts, maxNetworkRetries: 2, timeout: 20_000, telemetry: false });
  cached = { key: e.STRIPE_SECRET_KEY, host: e.STRIPE_API_HOST, client };
  return client;
}
