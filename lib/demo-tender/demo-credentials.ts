import { keyedHash } from "@/lib/db/keyed-hash";

export const DEMO_CLIENT_ID = "demo-tender";

/**
 * The demo platform's HTTP Basic credentials. The secret is derived from the server key (the seed
 * gives the demo-tender platform the same), so nothing needs storing and a different deployment
 * gets a different secret.
 */
export function demoClientSecret() {
  return keyedHash("demo-tender-client-secret");
}

export function demoAuthorization() {
  return `Basic ${Buffer.from(`${DEMO_CLIENT_ID}:${demoClientSecret()}`).toString("base64")}`;
}
