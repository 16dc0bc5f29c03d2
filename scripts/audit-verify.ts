// Verifies the hash-chained audit log of DATABASE_URL (or the embedded database in DATA_DIR).
// Exit 0 when every row links to the one before and matches its hash, 1 otherwise.
import { closeDb } from "@/lib/db/client";
import { runAuditVerify } from "@/lib/server/audit/run-audit-verify";

const { exitCode, message } = await runAuditVerify();
(exitCode === 0 ? console.log : console.error)(message);
await closeDb();
process.exit(exitCode);
