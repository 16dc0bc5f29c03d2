-- CreateIndex
CREATE INDEX "ScanRequest_status_expiresAt_idx" ON "ScanRequest"("status", "expiresAt");
