import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeStripeRequest = { method: string; path: string; body: URLSearchParams; idempotencyKey?: string; authorization?: string };

// A tiny stand-in for api.stripe.com (no stripe-mock offline): just the PaymentIntent calls the
// provider makes, answering like Stripe does for a confirmed WeChat Pay / Alipay intent.
export async function startFakeStripeApi() {
  const requests: FakeStripeRequest[] = [];
  const intents = new Map<string, Record<string, unknown>>();
  const byKey = new Map<string, string>();
  let n = 0;

  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = "";
      req.on("data", (c: Buffer) => (data += c.toString()));
      req.on("end", () => resolve(data));
    });

  const server: Server = createServer(async (req, res) => {
    const body = new URLSearchParams(await read(req));
    const path = (req.url ?? "").split("?")[0]!;
    const idempotencyKey = req.headers["idempotency-key"] as string | undefined;
    requests.push({ method: req.method ?? "", path, body, idempotencyKey, authorization: req.headers.authorization });
    res.setHeader("content-type", "application/json");
    if (req.method === "POST" && path === "/v1/payment_intents") {
      const existing = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
      if (existing) return res.end(JSON.stringify(intents.get(existing)));
      const id = `pi_fake_${++n}`;
      const method = body.get("allowed_payment_method_types[0]");
      const pi = {
        id,
        object: "payment_intent",
        amount: Number(body.get("amount")),
        amount_received: 0,
        currency: body.get("currency"),
        status: "requires_action",
        client_secret: `${id}_secret_x`,
        metadata: { paymentId: body.get("metadata[paymentId]") },
        next_action:
          method === "wechat_pay"
            ? { type: "wechat_pay_display_qr_code", wechat_pay_display_qr_code: { data: "weixin://wxpay/bizpayurl?pr=fake", image_data_url: "data:image/png;base64,iVBORw0KGgo=", hosted_instructions_url: "https://pay.stripe.com/fake" } }
            : { type: "alipay_handle_redirect", alipay_handle_redirect: { url: "https://hooks.stripe.com/alipay/fake", native_url: null, native_data: null, return_url: body.get("return_url") } },
      };
      intents.set(id, pi);
      if (idempotencyKey) byKey.set(idempotencyKey, id);
      return res.end(JSON.stringify(pi));
    }
    const m = path.match(/^\/v1\/payment_intents\/([\w]+)$/);
    if (req.method === "GET" && m && intents.has(m[1]!)) return res.end(JSON.stringify(intents.get(m[1]!)));
    res.statusCode = 404;
    res.end(JSON.stringify({ error: { type: "invalid_request_error", message: "not faked" } }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, intents, close: () => new Promise<void>((r) => server.close(() => r())) };
}
