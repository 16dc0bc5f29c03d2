import { env } from "@/lib/env";
import { demoAuthorization } from "./demo-credentials";
import { ZPlatformScanSchema, type TPlatformScan } from "./demo.types";

/**
 * The demo's only way into CertDesk: the public API over HTTP, as any trading platform would call
 * it. Errors come back as { error: { code, message } } and are thrown with that message.
 */
export async function platformApi(path: string, body?: unknown): Promise<TPlatformScan> {
  return ZPlatformScanSchema.parse(await platformCall(path, body));
}

/** Any /api/v1 call (JSON or raw bytes with their content type), the JSON answer unparsed. */
export async function platformCall(path: string, body?: unknown, contentType = "application/json"): Promise<unknown> {
  const res = await fetch(`${env().APP_URL}/api/v1${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: demoAuthorization(), "content-type": contentType, "accept-language": "zh-CN" },
    body: body === undefined ? undefined : body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body),
    cache: "no-store",
    signal: AbortSignal.timeout(15_000),
  });
  const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!res.ok) throw new Error(data.error?.message ?? `CertDesk API ${res.status}`);
  return data;
}
