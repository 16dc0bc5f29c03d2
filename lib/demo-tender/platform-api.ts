import { env } from "@/lib/env";
import { createPlatformClient, platformErrorMessage, type PlatformClient } from "@/lib/platform-client/create-platform-client";
import type { CreateScanRequest, PkiCaIndex, ScanRequest, Seal } from "@/lib/platform-client/platform-api";
import { DEMO_CLIENT_ID, demoClientSecret } from "./demo-credentials";

/**
 * The demo's only way into CertDesk: the published typed client (lib/platform-client, generated from
 * /api/v1/openapi.json) over HTTP, as any trading platform would call it. Errors come back as the
 * documented { error: { code, message } } and are thrown with that message.
 */
let client: { key: string; client: PlatformClient } | null = null;

function demoClient(): PlatformClient {
  const key = `${env().APP_URL}|${demoClientSecret()}`;
  if (client?.key !== key) {
    client = {
      key,
      client: createPlatformClient({
        deskUrl: env().APP_URL,
        clientId: DEMO_CLIENT_ID,
        clientSecret: demoClientSecret(),
        acceptLanguage: "zh-CN",
        fetch: (request) => fetch(request, { cache: "no-store", signal: AbortSignal.timeout(15_000) }),
      }),
    };
  }
  return client.client;
}

function unwrap<T>({ data, error, response }: { data?: T; error?: unknown; response: Response }): T {
  if (error !== undefined || data === undefined) throw new Error(platformErrorMessage(error, response));
  return data;
}

/** POST /scan-requests: a QR request (login, sign, decrypt, sync_subject). */
export async function createDemoScan(body: CreateScanRequest): Promise<ScanRequest> {
  return unwrap(await demoClient().POST("/scan-requests", { body }));
}

/** GET /scan-requests/{id}: its state and, once completed, the result of its type. */
export async function getDemoScan(id: string): Promise<ScanRequest> {
  return unwrap(await demoClient().GET("/scan-requests/{id}", { params: { path: { id } } }));
}

/** GET /seals?serial=: the seals of the logged-in holder's signing certificate. */
export async function listDemoSeals(serial: string): Promise<Seal[]> {
  return unwrap(await demoClient().GET("/seals", { params: { query: { serial } } })).seals;
}

/** GET /pki/ca: the CA repository index (no credentials). */
export async function getDemoCaIndex(): Promise<PkiCaIndex> {
  return unwrap(await demoClient().GET("/pki/ca"));
}

/** GET /pki/ca/{file}: a CA certificate, DER. */
export async function getDemoCaCertificate(file: string): Promise<Uint8Array> {
  return new Uint8Array(unwrap(await demoClient().GET("/pki/ca/{file}", { params: { path: { file } }, parseAs: "arrayBuffer" })));
}
