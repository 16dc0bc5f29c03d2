import { env, isDemoMode, type Env } from "@/lib/env";

/**
 * The start-up check (instrumentation.ts register(), and `npm start` before it builds): outside demo
 * mode the desk refuses to start while SMS codes would land in the outbox (anyone could read anyone's
 * login code), while its KEK / session secret would be generated next to the data, or without the
 * key-management key that encryption keys are escrowed to. Throws an
 * Error whose message names what to set.
 */
export function assertProductionConfig(e: Env = env()): void {
  if (isDemoMode(e)) return;
  const problems: string[] = [];
  if (e.SMS_PROVIDER === "outbox") {
    problems.push(
      "SMS_PROVIDER is the outbox (unset or \"outbox\"), so login codes would be readable by anyone. " +
        "Set SMS_PROVIDER=aliyun or SMS_PROVIDER=tencent with its credentials and SMS_TEMPLATE_* ids (README: SMS gateways), " +
        "or set CERTDESK_DEMO=1 for a demo desk.",
    );
  }
  // A KEK generated into DATA_DIR sits next to the data it protects: one copy of that folder opens
  // every key share, PIN verifier and CA key. Outside demo mode both secrets come from outside it.
  if (!e.CERTDESK_KEK) {
    problems.push(
      "CERTDESK_KEK is unset, so a key-encryption key would be generated into DATA_DIR next to the database it protects. " +
        "Set CERTDESK_KEK (32 bytes, hex or base64) from a secret store and back it up apart from the database (README: production checklist).",
    );
  }
  // Encryption-key shares are escrowed at download to the key-management key; a real desk must name
  // the centre's key, never hold a generated one (kmk-demo.json keeps the private key beside the data).
  if (!e.CERTDESK_KMK_PUBLIC_KEY) {
    problems.push(
      "CERTDESK_KMK_PUBLIC_KEY is unset, so encryption keys would be escrowed to a generated key-management key kept next to the data. " +
        "Create the key-management key with `npm run kmc -- init --custodians N --threshold M --out DIR` on a machine apart from the desk and set the public key it prints (README: production checklist).",
    );
  }
  if (!e.AUTH_SECRET) problems.push("AUTH_SECRET is unset (it would be generated into DATA_DIR). Set it (at least 32 characters) from a secret store.");
  if (e.CERTDESK_E2E_FIXTURES === "1") {
    problems.push("CERTDESK_E2E_FIXTURES=1 (test-only fixture routes) needs CERTDESK_DEMO=1.");
  }
  if (problems.length) {
    const why = e.CERTDESK_DEMO === undefined ? `CERTDESK_DEMO unset, NODE_ENV=${e.NODE_ENV}` : `CERTDESK_DEMO=${e.CERTDESK_DEMO}`;
    throw new Error(`CertDesk refuses to start outside demo mode (${why}):\n  ${problems.join("\n  ")}`);
  }
}
