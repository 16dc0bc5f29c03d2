-- 授权用章 (issue 14): the seal administrator grants members' enterprise signing certificates the use of an
-- enterprise seal (SealGrant, one row per seal and certificate). Written by hand (only this change).

-- CreateEnum
CREATE TYPE "SealGrantStatus" AS ENUM ('ACTIVE', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "SealGrant" (
    "id" TEXT NOT NULL,
    "sealId" TEXT NOT NULL,
    "certificateId" TEXT NOT NULL,
    "status" "SealGrantStatus" NOT NULL DEFAULT 'ACTIVE',
    "grantedById" TEXT,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnById" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawReason" TEXT,

    CONSTRAINT "SealGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SealGrant_certificateId_status_idx" ON "SealGrant"("certificateId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SealGrant_sealId_certificateId_key" ON "SealGrant"("sealId", "certificateId");

-- AddForeignKey
ALTER TABLE "SealGrant" ADD CONSTRAINT "SealGrant_sealId_fkey" FOREIGN KEY ("sealId") REFERENCES "Seal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SealGrant" ADD CONSTRAINT "SealGrant_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
