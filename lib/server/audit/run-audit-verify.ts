import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";

/**
 * The body of `npm run audit:verify`: walks the chain and says where it breaks. Exit code 1 when it
 * is broken, so a cron job or CI step fails loudly on a tampered log.
 */
export async function runAuditVerify(): Promise<{ exitCode: 0 | 1; message: string }> {
  const result = await verifyAuditChain();
  if (result.ok) return { exitCode: 0, message: `audit chain OK: ${result.rows} rows verified in ${result.chains} chains` };
  const where =
    result.reason === "link"
      ? `BROKEN at row ${result.brokenAtId} of chain ${result.chain} (prevHash does not match the previous row)`
      : result.reason === "content"
        ? `BROKEN at row ${result.brokenAtId} of chain ${result.chain} (row content does not match its hash)`
        : result.brokenAtId === null
          ? `BROKEN: every row of chain ${result.chain} was deleted (its head names a row that is gone)`
          : `BROKEN: rows of chain ${result.chain} after row ${result.brokenAtId} were deleted (its head names a row that is gone)`;
  return { exitCode: 1, message: `audit chain ${where}; ${result.rows} other rows verified` };
}
