import { env } from "@/lib/env";

const LOOPBACK_IPS = new Set(["127.0.0.1", "[::1]", "::1"]);

export type RelyingParty = { rpID: string; rpName: string; origins: string[] };

/**
 * The WebAuthn relying party is the desk's public origin (APP_URL): its hostname is the RP ID and
 * its origin the one origin a response may come from. An RP ID must be a domain, so on a loopback
 * IP (a development or test desk on http://127.0.0.1:port) passkeys work at http://localhost:port,
 * the other name of the same machine that browsers also treat as a secure context.
 */
export function relyingParty(): RelyingParty {
  const url = new URL(env().APP_URL);
  const rpName = "CertDesk 云证书服务台";
  if (LOOPBACK_IPS.has(url.hostname)) {
    const local = new URL(url.origin);
    local.hostname = "localhost";
    return { rpID: "localhost", rpName, origins: [local.origin] };
  }
  return { rpID: url.hostname, rpName, origins: [url.origin] };
}
