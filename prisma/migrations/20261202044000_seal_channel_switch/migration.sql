-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "autoApproveGeneratedSeals" BOOLEAN NOT NULL DEFAULT true;
