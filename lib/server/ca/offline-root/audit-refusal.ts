import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { cliActor } from "@/lib/server/ca/offline-root/cli-actor";

/**
 * Runs one `npm run ca` command; a refusal (wrong passphrase, another root's key file, a file that
 * exists) is audited in its own transaction, so the attempt is on record although nothing changed,
 * then rethrown. Never records the passphrase, only what was refused and why.
 */
export async function auditRefusal<T>(command: string, details: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) {
      await db.$transaction((tx) =>
        writeAudit(tx, {
          action: "ca.command_refused",
          targetType: "CertificateAuthority",
          targetId: "-",
          data: { command, ...details, code: error.code, reason: error.userMessage, ...cliActor() },
        }),
      );
    }
    throw error;
  }
}
