-- Electronic seals (issue 14): the Seal model moves to seals.prisma and grows source, status, the bound
-- certificate, the processed picture, the review, the signed seal structure and voiding. Written by hand
-- (only this change). The old active flag becomes status: live rows APPROVED (they were usable), inactive rows VOIDED.

-- CreateEnum
CREATE TYPE "SealSource" AS ENUM ('UPLOAD', 'HANDWRITTEN', 'GENERATED');

-- CreateEnum
CREATE TYPE "SealStatus" AS ENUM ('AWAITING_IMAGE', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'CANCELLED', 'VOIDED', 'DELETED');

-- AlterEnum
ALTER TYPE "SealKind" ADD VALUE 'LEGAL_REP_SIGNATURE';
ALTER TYPE "SealKind" ADD VALUE 'HANDWRITTEN';

-- AlterTable
ALTER TABLE "Seal" ADD COLUMN     "certificateId" TEXT,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "esId" TEXT,
ADD COLUMN     "heightMm" INTEGER,
ADD COLUMN     "heightPx" INTEGER,
ADD COLUMN     "imageMime" TEXT,
ADD COLUMN     "needsReapply" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "orderId" TEXT,
ADD COLUMN     "processedKey" TEXT,
ADD COLUMN     "rejectReason" TEXT,
ADD COLUMN     "replacesSealId" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "sesDer" BYTEA,
ADD COLUMN     "source" "SealSource" NOT NULL DEFAULT 'UPLOAD',
ADD COLUMN     "status" "SealStatus" NOT NULL DEFAULT 'PENDING_REVIEW',
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "validFrom" TIMESTAMP(3),
ADD COLUMN     "validTo" TIMESTAMP(3),
ADD COLUMN     "voidReason" TEXT,
ADD COLUMN     "voidedAt" TIMESTAMP(3),
ADD COLUMN     "widthMm" INTEGER,
ADD COLUMN     "widthPx" INTEGER,
ALTER COLUMN "imageKey" DROP NOT NULL;

-- Existing rows: active → APPROVED, inactive → VOIDED (with the time of this migration).
UPDATE "Seal" SET "status" = CASE WHEN "active" THEN 'APPROVED'::"SealStatus" ELSE 'VOIDED'::"SealStatus" END,
  "voidedAt" = CASE WHEN "active" THEN NULL ELSE CURRENT_TIMESTAMP END;

ALTER TABLE "Seal" DROP COLUMN "active",
ALTER COLUMN "updatedAt" DROP DEFAULT;

-- CreateIndex
CREATE UNIQUE INDEX "Seal_esId_key" ON "Seal"("esId");

-- CreateIndex
CREATE INDEX "Seal_orgId_status_idx" ON "Seal"("orgId", "status");

-- CreateIndex
CREATE INDEX "Seal_userId_status_idx" ON "Seal"("userId", "status");

-- CreateIndex
CREATE INDEX "Seal_certificateId_status_idx" ON "Seal"("certificateId", "status");

-- CreateIndex
CREATE INDEX "Seal_status_submittedAt_idx" ON "Seal"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "Seal_orderId_idx" ON "Seal"("orderId");

-- AddForeignKey
ALTER TABLE "Seal" ADD CONSTRAINT "Seal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seal" ADD CONSTRAINT "Seal_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seal" ADD CONSTRAINT "Seal_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seal" ADD CONSTRAINT "Seal_replacesSealId_fkey" FOREIGN KEY ("replacesSealId") REFERENCES "Seal"("id") ON DELETE SET NULL ON UPDATE CASCADE;
