-- CreateIndex
CREATE INDEX "UsedNonce_createdAt_idx" ON "UsedNonce"("createdAt");
