-- AlterTable
ALTER TABLE "ScanRequest" ADD COLUMN     "clientRef" TEXT,
ADD COLUMN     "failReason" TEXT,
ADD COLUMN     "tokenHash" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "ScanSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "certificateId" TEXT NOT NULL,
    "autoConfirm" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScanSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScanSession_userId_platformId_idx" ON "ScanSession"("userId", "platformId");

-- CreateIndex
CREATE UNIQUE INDEX "ScanRequest_tokenHash_key" ON "ScanRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "ScanRequest_sessionId_status_idx" ON "ScanRequest"("sessionId", "status");

-- AddForeignKey
ALTER TABLE "ScanRequest" ADD CONSTRAINT "ScanRequest_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ScanSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanSession" ADD CONSTRAINT "ScanSession_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "TradingPlatform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
