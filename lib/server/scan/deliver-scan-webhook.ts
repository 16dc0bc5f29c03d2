import { db } from "@/lib/server/db/client";
import { openSecret } from "@/lib/server/security/seal";
import { signWebhook, SIGNATURE_HEADER } from "@/lib/platform/webhook-signature";
import { platformScanView } from "./platform-scan-view";

/** Job handler: POSTs the request's final state to the platform, signed with its client secret. */
export async function deliverScanWebhook({ scanRequestId }: { scanRequestId: string }) {
  const row = await db.scanRequest.findUniqueOrThrow({
    where: { id: scanRequestId },
    include: { platform: { omit: { clientSecretEnc: false } } },
  });
  const url = row.platform.webhookUrl;
  if (!url) return;
  const secret = new TextDecoder().decode(openSecret(row.platform.clientSecretEnc, `platform-secret:${row.platform.code}`));
  const body = JSON.stringify({ event: "scan_request.updated", data: platformScanView(row) });
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signWebhook(secret, body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`webhook ${url} answered ${res.status}`);
}
