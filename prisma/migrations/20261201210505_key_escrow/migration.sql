-- CreateEnum
CREATE TYPE "KeyRecoveryStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'DELIVERED', 'INSTALLED', 'CANCELLED');

-- CreateTable
CREATE TABLE "KeyEscrow" (
    "keyShareId" TEXT NOT NULL,
    "kmkId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeyEscrow_pkey" PRIMARY KEY ("keyShareId")
);

-- CreateTable
CREATE TABLE "KeyRecovery" (
    "id" TEXT NOT NULL,
    "keyShareId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "KeyRecoveryStatus" NOT NULL DEFAULT 'REQUESTED',
    "transportPublicKey" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "delivery" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "installedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeyRecovery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KeyRecovery_status_createdAt_idx" ON "KeyRecovery"("status", "createdAt");

-- CreateIndex
CREATE INDEX "KeyRecovery_keyShareId_idx" ON "KeyRecovery"("keyShareId");

-- AddForeignKey
ALTER TABLE "KeyEscrow" ADD CONSTRAINT "KeyEscrow_keyShareId_fkey" FOREIGN KEY ("keyShareId") REFERENCES "KeyShare"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyRecovery" ADD CONSTRAINT "KeyRecovery_keyShareId_fkey" FOREIGN KEY ("keyShareId") REFERENCES "KeyShare"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyRecovery" ADD CONSTRAINT "KeyRecovery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
