import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "./platform-api";

// The typed client of CertDesk's trading-platform API, for integrators: openapi-fetch over the types
// openapi-typescript generates from /api/v1/openapi.json (platform-api.d.ts, kept equal to the document
// by a test). Runs in Node 18+ and browsers (fetch, btoa). The demo tender platform uses it for every call.
//
//   const certdesk = createPlatformClient({ deskUrl: "https://certdesk.example", clientId, clientSecret });
//   const { data, error } = await certdesk.POST("/scan-requests", { body: { type: "login", challenge } });
//   if (error) throw new Error(error.error.message);          // error: the documented Error body
//   if (data.type === "login" && data.result) data.result.signature;   // result typed by type
//
// The /pki paths (CA certificates, CRL, OCSP) are served at the desk's origin, not under /api/v1, and
// need no credentials: the client sends them there without the Authorization header.

export type PlatformClient = Client<paths>;

export type PlatformClientOptions = {
  /** The desk's origin, e.g. https://certdesk.example (the API is at <deskUrl>/api/v1). */
  deskUrl: string;
  clientId: string;
  clientSecret: string;
  /** Language of error messages and field texts: zh-CN (the default) or en. */
  acceptLanguage?: string;
  /** A fetch of your own (timeouts, caching, a proxy). */
  fetch?: (request: Request) => Promise<Response>;
};

/** Basic credentials: base64("client_id:client_secret"). */
function basic(clientId: string, clientSecret: string) {
  return `Basic ${btoa(`${clientId}:${clientSecret}`)}`;
}

export function createPlatformClient({ deskUrl, clientId, clientSecret, acceptLanguage = "zh-CN", fetch }: PlatformClientOptions): PlatformClient {
  const origin = deskUrl.replace(/\/+$/, "");
  const client = createClient<paths>({
    baseUrl: `${origin}/api/v1`,
    headers: { authorization: basic(clientId, clientSecret), "accept-language": acceptLanguage },
    ...(fetch ? { fetch } : {}),
  });
  const pkiAtOrigin: Middleware = {
    onRequest({ request, schemaPath }) {
      if (!schemaPath.startsWith("/pki/")) return undefined;
      const url = new URL(request.url);
      url.pathname = url.pathname.replace(/^\/api\/v1\/pki\//, "/pki/");
      const headers = new Headers(request.headers);
      headers.delete("authorization");
      return new Request(url, { method: request.method, headers, body: request.body, signal: request.signal, ...(request.body ? { duplex: "half" } : {}) } as RequestInit);
    },
  };
  client.use(pkiAtOrigin);
  return client;
}

/** The error message of a failed call ({ error: { code, message } }), or the status when the body is not the documented one. */
export function platformErrorMessage(error: unknown, response: Response): string {
  const body = error as { error?: { message?: unknown } } | undefined;
  return typeof body?.error?.message === "string" ? body.error.message : `CertDesk API ${response.status}`;
}
