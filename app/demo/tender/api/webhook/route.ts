import { AppError } from "@/lib/errors";
import { publicRoute } from "@/lib/server/http/public-route";
import { receiveDemoWebhook } from "@/lib/demo-tender/demo-webhooks";

export const dynamic = "force-dynamic";

// POST /demo/tender/api/webhook — CertDesk's signed delivery. The caller is a server, not a browser
// (no same-origin check); it is whoever holds the client secret, checked by the MAC over the raw
// bytes. A repeated delivery id or an older state is dropped with a 200, so CertDesk stops retrying.
export const POST = publicRoute(
  async ({ req, raw }) => {
    const received = await receiveDemoWebhook({ body: raw!, headers: req.headers });
    if (!received) throw new AppError("unauthenticated");
    return { ok: true, outcome: received.outcome };
  },
  { crossOrigin: true, accepts: { raw: ["application/json"] }, maxBody: 256 * 1024 },
);
