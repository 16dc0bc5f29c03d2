-- Issue 12 flows: organization requests (join, certificate, admin transfer), per-platform authorizations,
-- letters the administrator signs on the phone, the channel switches for legal-rep and certificate-administrator approval,
-- and the platform row of the desk itself. The partial unique index at the end is hand-written: at most one ACTIVE
-- authorization per member and platform.
-- (No quote marks or semicolons in these comments: the PostgreSQL adapter splits the script.)

-- CreateEnum
CREATE TYPE "OrgRequestKind" AS ENUM ('JOIN', 'CERT', 'TRANSFER_ADMIN');

-- CreateEnum
CREATE TYPE "OrgRequestStatus" AS ENUM ('PENDING_LEGAL_REP', 'PENDING_ADMIN', 'PENDING_CA', 'APPROVED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PlatformAuthorizationStatus" AS ENUM ('ACTIVE', 'REVOKED');

-- CreateEnum
CREATE TYPE "OrgSignaturePurpose" AS ENUM ('APPROVE_REQUEST', 'GRANT_AUTHORIZATION', 'TRANSFER_ADMIN');

-- CreateEnum
CREATE TYPE "OrgSignatureStatus" AS ENUM ('PENDING', 'APPLIED', 'FAILED', 'EXPIRED');

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "allowCertAdmins" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "requireLegalRepApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "address" TEXT,
ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TradingPlatform" ADD COLUMN     "isDesk" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OrgRequest" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" "OrgRequestKind" NOT NULL,
    "status" "OrgRequestStatus" NOT NULL,
    "requesterId" TEXT NOT NULL,
    "targetUserId" TEXT,
    "platformIds" TEXT[],
    "years" INTEGER,
    "orderId" TEXT,
    "paperKey" TEXT,
    "paperSha256" TEXT,
    "paperMime" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformAuthorization" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "status" "PlatformAuthorizationStatus" NOT NULL DEFAULT 'ACTIVE',
    "grantedById" TEXT NOT NULL,
    "signatureId" TEXT,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedById" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "PlatformAuthorization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgSignature" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "purpose" "OrgSignaturePurpose" NOT NULL,
    "params" JSONB NOT NULL,
    "letterText" TEXT NOT NULL,
    "scanRequestId" TEXT NOT NULL,
    "status" "OrgSignatureStatus" NOT NULL DEFAULT 'PENDING',
    "certificateSerial" TEXT,
    "signatureHex" TEXT,
    "failReason" TEXT,
    "appliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgRequest_orderId_key" ON "OrgRequest"("orderId");

-- CreateIndex
CREATE INDEX "OrgRequest_orgId_status_idx" ON "OrgRequest"("orgId", "status");

-- CreateIndex
CREATE INDEX "OrgRequest_requesterId_createdAt_idx" ON "OrgRequest"("requesterId", "createdAt");

-- CreateIndex
CREATE INDEX "PlatformAuthorization_orgId_platformId_status_idx" ON "PlatformAuthorization"("orgId", "platformId", "status");

-- CreateIndex
CREATE INDEX "PlatformAuthorization_membershipId_status_idx" ON "PlatformAuthorization"("membershipId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OrgSignature_scanRequestId_key" ON "OrgSignature"("scanRequestId");

-- CreateIndex
CREATE INDEX "OrgSignature_orgId_createdAt_idx" ON "OrgSignature"("orgId", "createdAt");

-- AddForeignKey
ALTER TABLE "OrgRequest" ADD CONSTRAINT "OrgRequest_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformAuthorization" ADD CONSTRAINT "PlatformAuthorization_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformAuthorization" ADD CONSTRAINT "PlatformAuthorization_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformAuthorization" ADD CONSTRAINT "PlatformAuthorization_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "TradingPlatform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformAuthorization" ADD CONSTRAINT "PlatformAuthorization_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "OrgSignature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgSignature" ADD CONSTRAINT "OrgSignature_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex (hand-written, partial)
CREATE UNIQUE INDEX "PlatformAuthorization_one_active" ON "PlatformAuthorization"("membershipId", "platformId") WHERE "status" = 'ACTIVE';

-- CreateIndex (hand-written, partial): one open request of a kind per requester and organization
CREATE UNIQUE INDEX "OrgRequest_one_open" ON "OrgRequest"("orgId", "requesterId", "kind") WHERE "status" IN ('PENDING_LEGAL_REP', 'PENDING_ADMIN', 'PENDING_CA');
