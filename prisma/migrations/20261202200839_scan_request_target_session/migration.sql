-- AlterTable
ALTER TABLE "ScanRequest" ADD COLUMN     "targetSessionId" TEXT;

-- CreateIndex
CREATE INDEX "ScanRequest_targetSessionId_status_idx" ON "ScanRequest"("targetSessionId", "status");

-- Sign requests already waiting in a session: found by the phone's poll as before.
UPDATE "ScanRequest" SET "targetSessionId" = "payload"->>'sessionId'
WHERE "type" = 'SIGN' AND "status" = 'PENDING' AND "payload" ? 'sessionId';
