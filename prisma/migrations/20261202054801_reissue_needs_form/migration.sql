-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "reissueNeedsForm" BOOLEAN NOT NULL DEFAULT false;
