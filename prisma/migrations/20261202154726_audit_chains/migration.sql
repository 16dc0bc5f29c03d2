-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "chain" SMALLINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chain" SMALLINT NOT NULL,
    "hash" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chain")
);

-- CreateIndex
CREATE INDEX "AuditLog_chain_id_idx" ON "AuditLog"("chain", "id");

-- The heads of the chains (AUDIT_CHAINS = 64 in lib/server/audit/append-audit-row.ts). Every row written until
-- now is chain 0, one chain in id order: its head is the hash of the last row. The others start at their
-- genesis, SHA-256 of certdesk-audit-chain:N (chainGenesis in lib/server/audit/audit-hash.ts).
INSERT INTO "AuditChainHead" ("chain", "hash", "prevHash")
SELECT c,
  CASE WHEN c = 0 THEN COALESCE((SELECT "hash" FROM "AuditLog" ORDER BY "id" DESC LIMIT 1), repeat('0', 64))
       ELSE encode(sha256(convert_to('certdesk-audit-chain:' || c, 'UTF8')), 'hex') END,
  ''
FROM generate_series(0, 63) AS c;
