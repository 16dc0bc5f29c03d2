import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";

const REASONS = {
  link: "prevHash does not match the previous row",
  content: "row content does not match its hash",
  head: "the chain's head names a row that is gone: its last rows were deleted",
} as const;

/**
 * The body of `npm run audit:verify`: walks the chain and says where it breaks. Exit code 1 when it
 * is broken, so a cron job or CI step fails loudly on a tampered log.
 */
export async function runAuditVerify(): Promise<{ exitCode: 0 | 1; message: string }> {
  const result = await verifyAuditChain();
  if (result.ok) return { exitCode: 0, message: `audit chain OK: ${result.rows} rows verified in ${result.chains} chains` };
  return {
    exitCode: 1,
    message: `audit chain BROKEN at row ${result.brokenAtId} of chain ${result.chain} (${REASONS[result.reason]}); ${result.rows} rows before it verified`,
  };
}
