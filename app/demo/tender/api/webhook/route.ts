import { NextResponse } from "next/server";
import { z } from "zod";
import { verifyWebhook, SIGNATURE_HEADER } from "@/lib/platform/webhook-signature";
import { demoClientSecret } from "@/lib/demo-tender/demo-credentials";
import { getFileStorage } from "@/lib/storage/get-file-storage";

export const dynamic = "force-dynamic";

const ZWebhook = z.object({ event: z.string(), data: z.object({ id: z.string().regex(/^[a-z0-9]{10,40}$/), status: z.string() }) });

// POST /demo/tender/api/webhook — CertDesk's signed delivery; the caller is whoever holds the client secret (checked by the MAC)
export async function POST(req: Request) {
  const body = await req.text();
  if (!verifyWebhook(demoClientSecret(), body, req.headers.get(SIGNATURE_HEADER))) {
    return NextResponse.json({ error: { code: "unauthenticated", message: "bad signature" } }, { status: 401 });
  }
  const parsed = ZWebhook.safeParse(JSON.parse(body));
  if (!parsed.success) return NextResponse.json({ error: { code: "validation_failed", message: "bad body" } }, { status: 422 });
  const { id, status } = parsed.data.data;
  await getFileStorage().put(`demo/webhooks/${id}.json`, new TextEncoder().encode(JSON.stringify({ verified: true, status, at: new Date().toISOString() })), "application/json");
  return NextResponse.json({ ok: true });
}
