import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { kmkIdOf } from "@/lib/pki/escrow";
import { getPublicKey } from "@/lib/pki/sm2";
import { deliverKeyRecoveries } from "./deliver-key-recoveries";
import { demoKmkPrivateKey } from "./escrow-key";

/**
 * End-to-end fixture: what `npm run kmc -- deliver --demo` does, for the caller's approved
 * recoveries, inside the e2e server (whose embedded database another process cannot open). Only on
 * a server started with CERTDESK_E2E_FIXTURES=1 in demo mode; otherwise NOT_FOUND.
 */
export async function deliverDemoRecoveries({ userId }: { userId: string }) {
  if (env().CERTDESK_E2E_FIXTURES !== "1") throw new AppError("not_found");
  const privateKey = demoKmkPrivateKey();
  try {
    return { outcomes: await deliverKeyRecoveries({ kmk: { id: kmkIdOf(getPublicKey(privateKey)), privateKey }, userId }) };
  } finally {
    privateKey.fill(0);
  }
}
