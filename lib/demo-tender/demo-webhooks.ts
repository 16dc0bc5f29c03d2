import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { LAST_WEBHOOK_SEQUENCE, SEEN_DELIVERY_RETENTION_SECONDS, readWebhookDelivery } from "@/lib/platform/webhook-delivery";
import { demoClientSecret } from "./demo-credentials";
import { ZDemoRequestIdSchema } from "./demo.types";

// The demo platform receives CertDesk's webhooks the way the API documentation tells receivers to:
// verify the signature and its timestamp, drop a delivery id already seen, drop a state older than
// (or equal to) the last one applied for that request, and answer 2xx for what it drops.
//
// Its state is in the file storage, not in process memory, so two app instances agree:
//   demo/webhooks/<requestId>/<sequence>.json   one record per state reached; the request's state
//                                               is the highest sequence present. Each state has its
//                                               own key, so two deliveries racing on two instances
//                                               cannot overwrite a newer state with an older one.
//   demo/webhook-deliveries/<deliveryId>.json    seen delivery ids, with an expiry.
// The webhook has no visitor cookie: it finds the request by its id, as a real platform would.

const ZRecord = z.object({
  verified: z.literal(true),
  status: z.string(),
  sequence: z.number().int(),
  deliveryId: z.string(),
  occurredAt: z.string(),
  receivedAt: z.string(),
});
export type TDemoWebhookRecord = z.infer<typeof ZRecord>;

const ZSeen = z.object({ expiresAt: z.string() });

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

async function readJson<T>(key: string, schema: z.ZodType<T>): Promise<T | null> {
  const raw = await getFileStorage()
    .get(key)
    .catch(() => null);
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(new TextDecoder().decode(raw)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The last state the webhook applied for a request, or null when none arrived. */
export async function readDemoWebhook(requestId: string): Promise<TDemoWebhookRecord | null> {
  const id = ZDemoRequestIdSchema.parse(requestId);
  for (let seq = LAST_WEBHOOK_SEQUENCE; seq >= 0; seq--) {
    const record = await readJson(`demo/webhooks/${id}/${seq}.json`, ZRecord);
    if (record) return record;
  }
  return null;
}

async function seen(deliveryId: string, now: number): Promise<boolean> {
  const record = await readJson(`demo/webhook-deliveries/${deliveryId}.json`, ZSeen);
  return record !== null && Date.parse(record.expiresAt) > now;
}

// One delivery at a time per request inside this instance, so the same delivery sent twice at once
// is applied once here; across instances the per-state keys keep the outcome right.
const locks = new Map<string, Promise<unknown>>();

async function serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(fn);
  locks.set(key, run);
  try {
    return await run;
  } finally {
    if (locks.get(key) === run) locks.delete(key);
  }
}

export type DemoWebhookOutcome = "applied" | "duplicate" | "stale";

/**
 * One delivery to the demo's webhook. Returns null when the signature is bad or stale (a signed
 * body without delivery id, sequence and event time counts as bad); otherwise what was done with it.
 */
export async function receiveDemoWebhook({
  body,
  headers,
  now = Date.now(),
}: {
  body: Uint8Array;
  headers: Pick<Headers, "get">;
  now?: number;
}): Promise<{ outcome: DemoWebhookOutcome; requestId: string; sequence: number } | null> {
  const delivery = readWebhookDelivery(demoClientSecret(), body, headers, { now });
  if (!delivery) return null;
  const requestId = ZDemoRequestIdSchema.safeParse(delivery.data.id);
  if (!requestId.success || delivery.sequence > LAST_WEBHOOK_SEQUENCE) throw new AppError("validation_failed");
  const id = requestId.data;
  const storage = getFileStorage();
  return serial(id, async () => {
    const result = (outcome: DemoWebhookOutcome) => ({ outcome, requestId: id, sequence: delivery.sequence });
    if (await seen(delivery.deliveryId, now)) return result("duplicate");
    const last = await readDemoWebhook(id);
    if (!last || delivery.sequence > last.sequence) {
      const record: TDemoWebhookRecord = {
        verified: true,
        status: delivery.data.status,
        sequence: delivery.sequence,
        deliveryId: delivery.deliveryId,
        occurredAt: delivery.occurredAt,
        receivedAt: new Date(now).toISOString(),
      };
      await storage.put(`demo/webhooks/${id}/${delivery.sequence}.json`, enc(record), "application/json");
    }
    // Marked seen only after the state is written: a crash in between makes CertDesk retry, and the
    // retry is then dropped by its sequence instead of being lost.
    const expiresAt = new Date(now + SEEN_DELIVERY_RETENTION_SECONDS * 1000).toISOString();
    await storage.put(`demo/webhook-deliveries/${delivery.deliveryId}.json`, enc({ expiresAt }), "application/json");
    return result(!last || delivery.sequence > last.sequence ? "applied" : "stale");
  });
}
